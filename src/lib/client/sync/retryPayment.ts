import { issuesOf, type Issue } from '$lib/domain/api/errorBody';
import { paymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { newPaymentId } from '../device/newPaymentId';
import type { PaysplitDb } from '../db/PaysplitDb';
import { paymentRowSchema, type OutboxRow, type PaymentRow } from '../db/rows';
import { withReopen } from '../db/withReopen';

export type RetryError =
	| { kind: 'not_found'; message: string }
	| { kind: 'not_rejected'; message: string }
	| { kind: 'invalid'; message: string; issues: Issue[] }
	| { kind: 'id_changed'; message: string }
	| { kind: 'may_be_at_bridge'; message: string };

/** `id` is the payment's id from now on: the same one, or a new one after a conflict. */
export type RetryResult = { ok: true; id: string; newId: boolean } | { ok: false; error: RetryError };

export type RetryOptions = {
	/** The payment as the person fixed it (a full intent draft); absent: send it again unchanged. */
	edited?: unknown;
	now: () => number;
	/** Makes the new id a conflict needs (default: a UUIDv7 from the device). */
	newId?: (now: number) => string;
};

/**
 * Puts a `rejected` payment back in the queue after a person fixed it (DESIGN §2: rejected ones
 * wait for a person). Status, payment and outbox entry change in one transaction.
 *
 * The id is the idempotency key, so which id the retry uses depends on what the bridge holds:
 * - `invalid`, `unknown_patient`, `too_large`: the bridge wrote nothing under this id (DESIGN §6),
 *   so the fixed payment is sent under the same id. An edit may not change the id.
 * - `conflict`: the bridge holds another payment under this id and would answer `conflict` forever,
 *   so the payment is queued under a new id (the row records `replaces: <old id>`), and the row
 *   under the old id is removed from this device. Staff should first check on the bridge that the
 *   payment it holds is not this one (the UI shows the bridge's reason).
 * - `bridge_error` (set aside after the bridge kept failing on it): the bridge may have journaled it
 *   (a 500 can come after the commit), so it goes out again **unchanged** under the same id, marked
 *   as possibly at the bridge (so it cannot be discarded): if the bridge has it, it answers
 *   `duplicate`. An edit is refused: had the bridge kept the original, the edited one would come
 *   back `conflict`, and a retry under a new id would then post the payment twice.
 */
export async function retryPayment(db: PaysplitDb, id: string, options: RetryOptions): Promise<RetryResult> {
	const makeId = options.newId ?? newPaymentId;
	return withReopen(db, () =>
		db.transaction('rw', db.payments, db.outbox, async (): Promise<RetryResult> => {
			const saved = paymentRowSchema.safeParse(await db.payments.get(id));
			if (!saved.success) return { ok: false, error: { kind: 'not_found', message: `No payment ${id} is saved on this device.` } };
			const row = saved.data;
			if (row.status !== 'rejected') {
				return { ok: false, error: { kind: 'not_rejected', message: `Payment ${id} was not refused (it is ${row.status}); only refused payments are retried.` } };
			}
			const at = options.now();
			const conflict = row.rejection?.code === 'conflict';
			const mayBeAtBridge = row.rejection?.code === 'bridge_error';
			if (mayBeAtBridge && options.edited !== undefined) {
				return {
					ok: false,
					error: {
						kind: 'may_be_at_bridge',
						message: `The bridge may already have payment ${id} (it failed while taking it), so it is sent again unchanged: if the bridge has it, it says so. Fix it only if the bridge then refuses it.`
					}
				};
			}
			const draft: unknown = options.edited ?? row.intent;
			const nextId = conflict ? makeId(at) : id;
			const parsed = paymentIntentSchema.safeParse(conflict ? { ...(draft as object), id: nextId } : draft);
			if (!parsed.success) {
				const issues = issuesOf(parsed.error);
				return { ok: false, error: { kind: 'invalid', message: `The payment still has invalid fields: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues } };
			}
			if (parsed.data.id !== nextId) {
				return { ok: false, error: { kind: 'id_changed', message: `A fixed payment keeps its id (${id}); it was changed to ${parsed.data.id}.` } };
			}
			// Under the same id it keeps what the feed said of it meanwhile (`heldChange`): a set-aside
			// payment the bridge had may come back `duplicate`, which carries no reason. After a conflict
			// that was the other payment's.
			const held = conflict || !row.heldChange ? {} : { heldChange: row.heldChange };
			const payment: PaymentRow = { id: nextId, intent: parsed.data, status: 'queued', updatedAt: new Date(at).toISOString(), ...(conflict ? { replaces: id } : {}), ...held };
			// Not at the bridge, unless it failed while taking it: otherwise it refused the last request
			// that carried this payment and wrote nothing. No failure counts: a retry starts afresh.
			const entry: OutboxRow = { paymentId: nextId, enqueuedAt: at, attempts: 0, mayBeAtBridge };
			if (conflict) await db.payments.delete(id);
			await db.payments.put(payment);
			await db.outbox.put(entry);
			return { ok: true, id: nextId, newId: conflict };
		})
	);
}
