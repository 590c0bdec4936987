import type { PaysplitDb } from '../db/PaysplitDb';
import { outboxRowSchema, paymentRowSchema } from '../db/rows';
import { applyVerdicts } from './applyVerdicts';
import type { ClaimedItem } from './claimBatch';
import type { BridgeError } from './describeBridgeError';
import { bridgeErrorVerdict, type Verdict } from './Verdict';

/** A payment set aside has failed alone at least this many times… */
export const SET_ASIDE_AFTER_FAILURES = 5;
/** …over at least this long since the first of them (epoch ms from the injected clock). */
export const SET_ASIDE_AFTER_MS = 10 * 60_000;

/** One payment that the bridge failed on when it was sent alone, and the bridge's answer. */
export type FailedAlone = { item: ClaimedItem; error: BridgeError };

/**
 * Notes on the outbox entries of payments the bridge failed on when each was sent alone (a 5xx of
 * the request's own: `pushOutbox`) that it happened again, and sets aside those that keep failing,
 * so they stop holding up the queue: Replicache warns that a mutation that always fails with a
 * temporary error must not deadlock its client (issue: "defence in depth on the device").
 *
 * A payment is set aside — status `rejected`, code `bridge_error`, the bridge's answer as reason,
 * out of the outbox, in one transaction — once it has failed alone `SET_ASIDE_AFTER_FAILURES` times
 * over at least `SET_ASIDE_AFTER_MS`, **and** the bridge took other payments in a push where it
 * failed (`othersTaken`). Without that evidence the bridge may be failing as a whole (its database
 * down answers 500 to everything): then every payment waits, as for a 503, instead of all of them
 * being set aside after 10 minutes for a person to send again one by one.
 *
 * As in `applyVerdicts`, an entry counts only while it is still the one that was sent (same
 * `enqueuedAt`). Returns the ids set aside and those still waiting.
 */
export async function noteBridgeErrors(
	db: PaysplitDb,
	failures: readonly FailedAlone[],
	options: { now: () => number; othersTaken: boolean }
): Promise<{ setAside: string[]; waiting: string[] }> {
	if (failures.length === 0) return { setAside: [], waiting: [] };
	return db.transaction('rw', db.payments, db.outbox, async () => {
		const at = options.now();
		const due: ClaimedItem[] = [];
		const verdicts: Verdict[] = [];
		const waiting: string[] = [];
		for (const { item, error } of failures) {
			const id = item.intent.id;
			const entry = outboxRowSchema.safeParse(await db.outbox.get(id));
			if (!entry.success || entry.data.enqueuedAt !== item.enqueuedAt) continue;
			const payment = paymentRowSchema.safeParse(await db.payments.get(id));
			if (!payment.success || payment.data.status !== 'queued') continue;
			const bridgeErrors = (entry.data.bridgeErrors ?? 0) + 1;
			const firstBridgeErrorAt = entry.data.firstBridgeErrorAt ?? at;
			const othersTaken = entry.data.othersTaken === true || options.othersTaken;
			if (othersTaken && bridgeErrors >= SET_ASIDE_AFTER_FAILURES && at - firstBridgeErrorAt >= SET_ASIDE_AFTER_MS) {
				due.push(item);
				verdicts.push(bridgeErrorVerdict(error));
				continue;
			}
			await db.outbox.put({ ...entry.data, bridgeErrors, firstBridgeErrorAt, ...(othersTaken ? { othersTaken } : {}) });
			waiting.push(id);
		}
		// The same transaction (Dexie reuses it for a nested call over the same tables).
		await applyVerdicts(db, due, verdicts, options.now);
		return { setAside: due.map((item) => item.intent.id), waiting };
	});
}
