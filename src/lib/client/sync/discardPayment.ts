import type { PaysplitDb } from '../db/PaysplitDb';
import { outboxRowSchema, paymentRowSchema } from '../db/rows';
import { withReopen } from '../db/withReopen';

export type DiscardError =
	| { kind: 'not_found'; message: string }
	| { kind: 'may_be_at_bridge'; message: string }
	| { kind: 'at_bridge'; message: string };

export type DiscardResult = { ok: true } | { ok: false; error: DiscardError };

/**
 * Deletes a payment from this device, only while the bridge cannot have it (issue 4 item 6:
 * "before the bridge has it"); the UI asks for confirmation first. Allowed for:
 * - `rejected`: the bridge refused it and wrote nothing (or, after a conflict, holds another
 *   payment under its id, not this one); but not one set aside after the bridge kept failing on
 *   it (`bridge_error`): the bridge may have journaled it, as a sent queued payment;
 * - `queued` and never handed to a request (`mayBeAtBridge` false).
 * A queued payment that was sent, even with no answer, may already be journaled (the answer may
 * have been lost): deleting it here could leave a payment in the PMS the device no longer shows, so
 * it waits for the bridge's answer and is then voided on the bridge if need be. The check and the
 * delete are one transaction, and the sync marks entries before sending, so they cannot race.
 */
export async function discardPayment(db: PaysplitDb, id: string): Promise<DiscardResult> {
	return withReopen(db, () =>
		db.transaction('rw', db.payments, db.outbox, async (): Promise<DiscardResult> => {
			const saved = paymentRowSchema.safeParse(await db.payments.get(id));
			if (!saved.success) return { ok: false, error: { kind: 'not_found', message: `No payment ${id} is saved on this device.` } };
			const { status } = saved.data;
			if (status === 'queued') {
				const entry = outboxRowSchema.safeParse(await db.outbox.get(id));
				// No readable entry: its history is unknown, so it counts as sent.
				if (!entry.success || entry.data.mayBeAtBridge) {
					return {
						ok: false,
						error: {
							kind: 'may_be_at_bridge',
							message: 'This payment was already sent and the bridge has not answered yet, so it may have it. Wait for the next sync; if the bridge has it, void it there.'
						}
					};
				}
			} else if (status === 'rejected' && saved.data.rejection?.code === 'bridge_error') {
				return {
					ok: false,
					error: {
						kind: 'may_be_at_bridge',
						message: 'The bridge failed while taking this payment, so it may have it. Send it again: if the bridge has it, it says so; then void it there if need be.'
					}
				};
			} else if (status !== 'rejected') {
				return { ok: false, error: { kind: 'at_bridge', message: `The bridge has this payment (${status}); void it there instead.` } };
			}
			await db.outbox.delete(id);
			await db.payments.delete(id);
			return { ok: true };
		})
	);
}
