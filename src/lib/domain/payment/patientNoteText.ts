import { formatMoney } from '../money/formatMoney';
import { describeMethod } from './describeMethod';
import type { PaymentIntent } from './paymentIntent';

/**
 * The note written into the patient's PMS record for a posted payment (issue 6: "Add Patient Notes in
 * PMS"): date and time taken, amount, method and the reference by which the bridge finds the note
 * again — never a card number (cards show brand and last four only; Paysplit never has the number).
 * The staff's free-text payment note stays out: it was written for the ledger, not the chart.
 * `takenAt` is the practice's local time when the payment was taken ("YYYY-MM-DD HH:mm:ss").
 */
export function patientNoteText(intent: Pick<PaymentIntent, 'amount' | 'method' | 'takenBy'>, takenAt: string, reference: string): string {
	const how = describeMethod(intent.method, 'prose');
	const by = intent.takenBy ? `, taken by ${intent.takenBy}` : '';
	return `Payment of ${formatMoney(intent.amount)} by ${how} received ${takenAt.slice(0, 16)}${by}. Posted to the ledger by Paysplit; ref ${reference}.`;
}
