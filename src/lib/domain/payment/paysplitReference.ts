/**
 * The reference staff see on a payment written by Paysplit, in the PMS's note: `Paysplit <payment
 * id>`. Open Dental also finds the payment again by it (DESIGN §3); other PMSes carry the id in a
 * field of their own (NexHealth: `transaction_id`) and show this for people.
 */
export function paysplitReference(paymentId: string): string {
	return `Paysplit ${paymentId}`;
}
