import type { ChangesResponse } from '$lib/domain/api/paymentActions';
import { BRIDGE_STATUSES, isFinalStatus, type BridgeStatus, type PaymentStatus } from '$lib/domain/payment/PaymentStatus';
import type { PaysplitDb } from '../db/PaysplitDb';
import { changesCursorRowSchema, paymentRowSchema, type ChangesCursorRow, type HeldChange } from '../db/rows';
import { withReopen } from '../db/withReopen';
import { latestChanges, type LatestChange } from './latestChanges';
import { positionOf, type ChangesPosition } from './readChangesCursor';

/** Bridge statuses after which something may still happen to a payment: the only ones a change may replace. */
export const OPEN_BRIDGE_STATUSES: readonly BridgeStatus[] = BRIDGE_STATUSES.filter((s) => !isFinalStatus(s));

export type RecordResult = { recorded: true; changed: number } | { recorded: false };

/**
 * Records one page of the change feed, fetched after `from`: the status and reason of each payment
 * this device holds, and the page's `next` as the new cursor, in ONE transaction, so a crash never
 * stores a cursor past changes it did not record (nor records changes under an older cursor).
 *
 * Nothing happens (`recorded: false`) if the stored cursor is no longer `from`: another run (a
 * second leader where the browser has no Web Locks) recorded this page or a later one meanwhile, and
 * writing now would move the cursor and the statuses back.
 *
 * A change replaces only a bridge status that is not final, as the per-payment polling did:
 * - `queued` and `rejected` rows are the device's own business. A queued payment's push answer
 *   takes it out of the outbox; setting a status here would leave a non-queued payment with an
 *   outbox entry. A rejected one may be a `conflict`: the changes under its id are another
 *   payment's. But the cursor moves past the change, and the push answer `duplicate` carries the
 *   status and no reason (DESIGN §6), so the change is kept on the row (`heldChange`) for the
 *   answer that takes the payment out of the outbox (`applyVerdicts`), not shown.
 * - a final status (`verified`, `posted_manually`, `voided`) never changes on the bridge, so a
 *   change to another status can only be an old one, read again after the cursor went back to the
 *   start. A change to the same final status may still bring its reason: a push answered
 *   `duplicate` gives the status but no reason (DESIGN §6), e.g. why the payment was voided.
 * Payments not on this device (other devices' payments) are ignored.
 */
export async function recordChanges(db: PaysplitDb, page: ChangesResponse, from: ChangesPosition, now: () => number): Promise<RecordResult> {
	const latest = latestChanges(page.changes);
	return withReopen(db, () =>
		db.transaction('rw', db.payments, db.meta, async (): Promise<RecordResult> => {
			const stored = changesCursorRowSchema.safeParse(await db.meta.get('changes'));
			if (positionOf(stored.success ? stored.data : undefined, from.deviceId) !== from.cursor) return { recorded: false };
			const at = new Date(now()).toISOString();
			let changed = 0;
			for (const raw of await db.payments.bulkGet([...latest.keys()])) {
				// Missing: another device's payment. Malformed: the zod-checked readers quarantine it.
				const row = paymentRowSchema.safeParse(raw);
				if (!row.success) continue;
				const change = latest.get(row.data.id);
				if (!change) continue;
				if (row.data.status === 'queued' || row.data.status === 'rejected') {
					if (!sameChange(row.data.heldChange, change)) await db.payments.put({ ...row.data, heldChange: heldChangeOf(change) });
					continue;
				}
				if (!replaces(change, row.data.status, row.data.reason)) continue;
				const { reason: _old, ...rest } = row.data;
				await db.payments.put({ ...rest, status: change.status, ...(change.reason === undefined ? {} : { reason: change.reason }), updatedAt: at });
				changed += 1;
			}
			const cursor: ChangesCursorRow = { key: 'changes', cursor: page.next, ...(from.deviceId === undefined ? {} : { deviceId: from.deviceId }), savedAt: at };
			await db.meta.put(cursor);
			return { recorded: true, changed };
		})
	);
}

function heldChangeOf(change: LatestChange): HeldChange {
	return { status: change.status, ...(change.reason === undefined ? {} : { reason: change.reason }) };
}

function sameChange(held: HeldChange | undefined, change: LatestChange): boolean {
	return held !== undefined && held.status === change.status && held.reason === change.reason;
}

function replaces(change: LatestChange, status: PaymentStatus, reason: string | undefined): boolean {
	if (change.status === status) return change.reason !== reason;
	return (OPEN_BRIDGE_STATUSES as readonly PaymentStatus[]).includes(status);
}
