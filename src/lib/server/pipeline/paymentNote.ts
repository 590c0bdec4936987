import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { assertNever } from '$lib/domain/payment/PaymentStatus';

/** The reference every PMS write carries, by which the bridge finds the payment again (DESIGN §3). */
export function paymentReference(paymentId: string): string {
	return `Paysplit ${paymentId}`;
}

/**
 * The PMS payment's note: the reference first, then what staff need to recognise the payment. Card
 * payments show brand, last four and terminal reference only: Paysplit never has a card number.
 */
export function paymentNote(intent: PaymentIntent): string {
	const method = intent.method;
	let how: string;
	switch (method.kind) {
		case 'cash':
			how = 'cash';
			break;
		case 'check':
			how = `check #${method.checkNumber}`;
			break;
		case 'card':
			how = `card ${method.brand} ending ${method.last4}, terminal ref ${method.terminalRef}`;
			break;
		case 'ach':
			how = `ACH ref ${method.reference}`;
			break;
		default:
			how = assertNever(method);
	}
	// Each part starts with a word, so digits that end one part (an ACH reference) and digits that start
	// the next (a note) can never read as one long number — a card number, to the PMS's eyes.
	const parts = [paymentReference(intent.id), how, intent.takenBy ? `taken by ${intent.takenBy}` : null, intent.note ? `note: ${intent.note}` : null];
	return parts.filter(Boolean).join(' · ');
}
