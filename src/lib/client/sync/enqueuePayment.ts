import { issuesOf, type Issue } from '$lib/domain/api/errorBody';
import { paymentContentKey } from '$lib/domain/payment/paymentContentKey';
import { paymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import type { PaysplitDb } from '../db/PaysplitDb';
import { paymentRowSchema, type OutboxRow, type PaymentRow } from '../db/rows';
import { withReopen } from '../db/withReopen';

export type EnqueueError = { kind: 'invalid'; issues: Issue[] } | { kind: 'id_taken'; message: string };
export type EnqueueResult = { ok: true; payment: PaymentRow } | { ok: false; error: EnqueueError };

/**
 * Saves a payment on this device (DESIGN §2 step 3): the payment, `queued`, and its outbox entry in
 * one transaction, so there is never a queued payment the sync cannot see nor an entry without its
 * payment. The draft is parsed by the schema the bridge uses first; a bad one writes nothing.
 *
 * Saving the same payment twice (a double tap, a retry after a lost connection) is harmless: the
 * second save finds the first by id and returns it. Another payment under a taken id is refused.
 *
 * The save path reads only the one payment row by key and writes two rows: no scan or count of the
 * outbox, so it stays as fast with 10,000 payments waiting as with none.
 */
export async function enqueuePayment(db: PaysplitDb, draft: unknown, now: () => number): Promise<EnqueueResult> {
	const parsed = paymentIntentSchema.safeParse(draft);
	if (!parsed.success) return { ok: false, error: { kind: 'invalid', issues: issuesOf(parsed.error) } };
	const intent = parsed.data;
	return withReopen(db, () =>
		db.transaction('rw', db.payments, db.outbox, async (): Promise<EnqueueResult> => {
			const existing: unknown = await db.payments.get(intent.id);
			if (existing !== undefined) {
				const saved = paymentRowSchema.safeParse(existing);
				if (saved.success && paymentContentKey(saved.data.intent) === paymentContentKey(intent)) return { ok: true, payment: saved.data };
				return { ok: false, error: { kind: 'id_taken', message: `Another payment is already saved under id ${intent.id}; take this one again to give it a new id.` } };
			}
			const at = now();
			const payment: PaymentRow = { id: intent.id, intent, status: 'queued', updatedAt: new Date(at).toISOString() };
			const entry: OutboxRow = { paymentId: intent.id, enqueuedAt: at, attempts: 0, mayBeAtBridge: false };
			await db.payments.add(payment);
			await db.outbox.add(entry);
			return { ok: true, payment };
		})
	);
}
