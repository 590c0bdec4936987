import { MAX_PAYMENTS_PER_BATCH } from '$lib/domain/api/paymentsBatch';
import type { PaysplitDb } from '../db/PaysplitDb';
import { withReopen } from '../db/withReopen';
import { applyVerdicts } from './applyVerdicts';
import { claimBatch, type ClaimedItem, type OutboxCursor } from './claimBatch';
import type { SyncApi } from './platform';
import { tooLargeVerdict, verdictOf } from './Verdict';

/**
 * How a push ended. `offline` and `retry` carry the ids of the request that failed, still queued;
 * `unpaired` (401) stops the sync and leaves every payment queued: nothing is parked for it.
 */
export type PushOutcome =
	| { kind: 'done'; sent: number }
	| { kind: 'offline'; message: string; ids: string[] }
	| { kind: 'retry'; message: string; ids: string[] }
	| { kind: 'unpaired'; message: string };

export type PushContext = { db: PaysplitDb; api: SyncApi; now: () => number; batchSize?: number };

/**
 * Sends the outbox to the bridge (DESIGN §6 `POST /payments`), oldest first, in batches of at most
 * 100, until it is empty or a whole request fails. Each batch is claimed in one transaction, sent
 * with no transaction open, and acknowledged in a new one. Payments saved meanwhile are later in
 * the order, so the same push picks them up; the cursor moves past every claimed entry, so a
 * payment left queued (no answer for it) waits for the next push instead of looping here.
 */
export async function pushOutbox(context: PushContext): Promise<PushOutcome> {
	const limit = Math.min(context.batchSize ?? MAX_PAYMENTS_PER_BATCH, MAX_PAYMENTS_PER_BATCH);
	let after: OutboxCursor | null = null;
	let sent = 0;
	for (;;) {
		const claim = await withReopen(context.db, () => claimBatch(context.db, { after, limit, now: context.now }));
		if (!claim.cursor) return { kind: 'done', sent };
		after = claim.cursor;
		if (claim.items.length === 0) continue;
		const outcome = await sendItems(context, claim.items);
		if (outcome.kind !== 'done') return outcome;
		sent += outcome.sent;
	}
}

/**
 * One request, and what to do with its answer. A 413 (over 1 MB or over 100 payments) splits the
 * batch in halves, down to single payments; one still refused alone is marked `rejected` for a
 * person, so it cannot hold up the rest. 429, 5xx, 503 and anything else unexpected: retry later.
 */
async function sendItems(context: PushContext, items: readonly ClaimedItem[]): Promise<PushOutcome> {
	const { db, now } = context;
	const ids = items.map((item) => item.intent.id);
	const answer = await context.api.sendPayments(items.map((item) => item.intent));
	if (answer.ok) {
		const results = answer.value.results;
		// Results come in order (DESIGN §6); one whose id is not the payment's is not believed.
		const verdicts = items.map((item, index) => {
			const result = results[index];
			return result && (result.id === null || result.id === item.intent.id) ? verdictOf(result) : undefined;
		});
		const { unanswered } = await withReopen(db, () => applyVerdicts(db, items, verdicts, now));
		if (unanswered.length > 0 || results.length !== items.length) {
			return { kind: 'retry', message: `the bridge answered ${results.length} of ${items.length} payments out of order or not at all`, ids: unanswered };
		}
		return { kind: 'done', sent: items.length };
	}
	if (answer.kind === 'offline') return { kind: 'offline', message: answer.message, ids };
	if (answer.status === 401) return { kind: 'unpaired', message: answer.message };
	if (answer.status === 413) {
		if (items.length === 1) {
			await withReopen(db, () => applyVerdicts(db, items, [tooLargeVerdict], now));
			return { kind: 'done', sent: 1 };
		}
		const middle = Math.ceil(items.length / 2);
		const first = await sendItems(context, items.slice(0, middle));
		if (first.kind !== 'done') return first;
		const second = await sendItems(context, items.slice(middle));
		return second.kind === 'done' ? { kind: 'done', sent: first.sent + second.sent } : second;
	}
	return { kind: 'retry', message: `${answer.status} ${answer.code}: ${answer.message}`, ids };
}
