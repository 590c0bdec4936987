import { paysplitReference } from './paysplitReference';
import type { PaymentIntent } from './paymentIntent';
import { describeMethod } from './describeMethod';

/**
 * What staff read about a payment in the PMS, after its reference: the method, who took it, their
 * note. Card payments show brand, last four and terminal reference only: Paysplit never has a card
 * number. Each part starts with a word, so digits that end one part (an ACH reference) and digits
 * that start the next (a note) can never read as one long number — a card number, to the PMS's eyes.
 */
export function paymentDescription(intent: PaymentIntent): string {
	const parts = [describeMethod(intent.method, 'prose'), intent.takenBy ? `taken by ${intent.takenBy}` : null, intent.note ? `note: ${intent.note}` : null];
	return parts.filter(Boolean).join(' · ');
}

/** The note a PMS payment written by Paysplit carries: the reference, then the description. */
export function paymentNote(paymentId: string, description: string): string {
	return [paysplitReference(paymentId), description].filter(Boolean).join(' · ');
}
