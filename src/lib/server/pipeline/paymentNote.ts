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
	const parts = [paymentReference(intent.id), how, intent.takenBy ? `taken by ${intent.takenBy}` : null, intent.note ? intent.note : null];
	return parts.filter(Boolean).join(' · ');
}
