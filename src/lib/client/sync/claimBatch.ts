import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { OUTBOX_ORDER, type PaysplitDb } from '../db/PaysplitDb';
import { quarantineRows } from '../db/quarantineRows';
import { outboxRowSchema, paymentRowSchema } from '../db/rows';
import type { BadRow } from '../db/tableSchemas';

/** A payment taken out of the outbox for one request, with the entry it was claimed under. */
export type ClaimedItem = { intent: PaymentIntent; enqueuedAt: number };

/** Where the last claim stopped in `[enqueuedAt+paymentId]` order. */
export type OutboxCursor = [number, string];

/** `cursor` is null when no entry was left after `after`. */
export type Claim = { items: ClaimedItem[]; cursor: OutboxCursor | null };

/**
 * Takes the next up-to-`limit` outbox entries after `after`, oldest first, with their payments, and
 * marks them as sent (`attempts` + 1, `mayBeAtBridge`) in the same transaction, which commits
 * before the request starts: so a person cannot discard a payment that is in flight, and a tab that
 * crashes after this leaves the entry for the next leader. No transaction stays open across the
 * request (IndexedDB would commit it early: Dexie's PrematureCommitError).
 *
 * Payments that made the bridge fail when sent alone (`bridgeErrors`) come last in the batch, those
 * that failed least first: when the bridge fails on the batch, the first half split off is the
 * others, which get through, and a push that gives up after a few failures (`pushOutbox`) tries
 * other payments next time, not the same ones again.
 *
 * Entries whose payment is no longer `queued` are stale and deleted (the payment's own status says
 * what happened to it); an entry without a payment goes to the quarantine; unreadable rows go to
 * the quarantine afterwards, in their own transaction.
 */
export async function claimBatch(db: PaysplitDb, options: { after: OutboxCursor | null; limit: number; now: () => number }): Promise<Claim> {
	const bad: BadRow[] = [];
	const claim = await db.transaction('rw', db.outbox, db.payments, db.quarantine, async (): Promise<Claim> => {
		const query = options.after ? db.outbox.where(OUTBOX_ORDER).above(options.after) : db.outbox.orderBy(OUTBOX_ORDER);
		const raw: unknown[] = await query.limit(options.limit).toArray();
		const last = raw.at(-1) as { enqueuedAt: number; paymentId: string } | undefined;
		if (!last) return { items: [], cursor: null };
		const at = options.now();
		const items: (ClaimedItem & { bridgeErrors: number })[] = [];
		for (const rawEntry of raw) {
			const entry = outboxRowSchema.safeParse(rawEntry);
			if (!entry.success) {
				bad.push({ table: 'outbox', row: rawEntry, problem: entry.error.message });
				continue;
			}
			const id = entry.data.paymentId;
			const rawPayment: unknown = await db.payments.get(id);
			if (rawPayment === undefined) {
				await db.quarantine.add({ table: 'outbox', key: id, row: rawEntry, problem: `no payment ${id} is saved for this outbox entry`, at: new Date(at).toISOString() });
				await db.outbox.delete(id);
				continue;
			}
			const payment = paymentRowSchema.safeParse(rawPayment);
			if (!payment.success) {
				bad.push({ table: 'payments', row: rawPayment, problem: payment.error.message });
				continue;
			}
			if (payment.data.status !== 'queued') {
				await db.outbox.delete(id);
				continue;
			}
			await db.outbox.put({ ...entry.data, attempts: entry.data.attempts + 1, lastAttemptAt: at, mayBeAtBridge: true });
			items.push({ intent: payment.data.intent, enqueuedAt: entry.data.enqueuedAt, bridgeErrors: entry.data.bridgeErrors ?? 0 });
		}
		// Stable: the order is kept among payments with as many failures.
		items.sort((a, b) => a.bridgeErrors - b.bridgeErrors);
		return { items: items.map(({ intent, enqueuedAt }) => ({ intent, enqueuedAt })), cursor: [last.enqueuedAt, last.paymentId] };
	});
	if (bad.length > 0) await quarantineRows(db, bad, options.now);
	return claim;
}
