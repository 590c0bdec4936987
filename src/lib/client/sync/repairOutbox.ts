import type { PaysplitDb } from '../db/PaysplitDb';
import { paymentRowSchema, type OutboxRow } from '../db/rows';
import { readTable } from '../db/readTable';
import { withReopen } from '../db/withReopen';

/**
 * Restores "a payment is `queued` exactly when it has an outbox entry" where something broke it: a
 * payment saved by code older than the outbox, an entry that went to the quarantine, an entry the
 * outbox order cannot see (no usable `enqueuedAt`). Runs when a tab becomes the leader, not on the
 * save path: it reads every key of the queue. Rebuilt entries say the payment may be at the bridge,
 * since their history is unknown. Returns how many entries it made.
 */
export async function repairOutbox(db: PaysplitDb, now: () => number): Promise<number> {
	// Parsing every entry moves unreadable ones to the quarantine, which rebuilds their entry.
	await readTable(db, 'outbox', (t) => t.toArray(), now);
	return withReopen(db, () =>
		db.transaction('rw', db.payments, db.outbox, async () => {
			const queued = await db.payments.where('status').equals('queued').primaryKeys();
			const entries = new Set(await db.outbox.toCollection().primaryKeys());
			let made = 0;
			for (const id of queued) {
				if (entries.has(id)) continue;
				const payment = paymentRowSchema.safeParse(await db.payments.get(id));
				if (!payment.success) continue; // the readers quarantine it
				const entry: OutboxRow = { paymentId: id, enqueuedAt: Date.parse(payment.data.intent.takenAt), attempts: 0, mayBeAtBridge: true };
				await db.outbox.put(entry);
				made += 1;
			}
			return made;
		})
	);
}
