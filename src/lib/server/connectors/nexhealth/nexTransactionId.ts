/**
 * The `transaction_id` a Paysplit payment is written with: `PAYSPLIT:<payment id without dashes>`
 * (DESIGN §7). NexHealth takes at most 50 characters and uses it "for tracking purposes only": it is
 * not deduplicated and not shown in the PMS, but every row one write becomes carries it, and
 * `GET /payments?transaction_id=` finds them (shared/notes/nexhealth-dentrix-eaglesoft.md §1.5).
 * A UUID gives 9 + 32 = 41 characters.
 */
const NEX_TRANSACTION_ID_MAX = 50;

export function nexTransactionId(paymentId: string): string {
	const id = `PAYSPLIT:${paymentId.replaceAll('-', '')}`;
	if (id.length > NEX_TRANSACTION_ID_MAX) throw new RangeError(`payment id ${JSON.stringify(paymentId)} makes a transaction_id longer than NexHealth's ${NEX_TRANSACTION_ID_MAX} characters`);
	return id;
}
