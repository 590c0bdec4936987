import { OUTBOX_ORDER, type PaysplitDb } from '../db/PaysplitDb';
import { observeParsed, type LiveView } from '../db/observeParsed';
import { outboxRowSchema } from '../db/rows';
import type { BadRow } from '../db/tableSchemas';

/**
 * The header's numbers (issue 4 item 6): how many payments wait to be sent, since when the oldest
 * has waited (epoch ms; the page computes the age with its own ticking clock), how many were
 * refused and wait for a person, and how many rows are in the quarantine.
 */
export type QueueSummary = { waiting: number; oldestEnqueuedAt: number | null; rejected: number; quarantined: number };

/** The live queue summary, the same in every tab (liveQuery; see `observeParsed`). */
export function observeQueueSummary(db: PaysplitDb, now: () => number): LiveView<QueueSummary> {
	return observeParsed(
		db,
		async () => {
			const waiting = await db.outbox.count();
			const first: unknown = await db.outbox.orderBy(OUTBOX_ORDER).first();
			const rejected = await db.payments.where('status').equals('rejected').count();
			const quarantined = await db.quarantine.count();
			const bad: BadRow[] = [];
			let oldestEnqueuedAt: number | null = null;
			if (first !== undefined) {
				const parsed = outboxRowSchema.safeParse(first);
				if (parsed.success) oldestEnqueuedAt = parsed.data.enqueuedAt;
				else bad.push({ table: 'outbox', row: first, problem: parsed.error.message });
			}
			return { value: { waiting, oldestEnqueuedAt, rejected, quarantined }, bad };
		},
		now
	);
}
