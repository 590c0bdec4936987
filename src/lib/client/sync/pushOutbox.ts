import { MAX_PAYMENTS_PER_BATCH } from '$lib/domain/api/paymentsBatch';
import type { PaysplitDb } from '../db/PaysplitDb';
import { withReopen } from '../db/withReopen';
import { applyVerdicts } from './applyVerdicts';
import { claimBatch, type ClaimedItem, type OutboxCursor } from './claimBatch';
import { describeBridgeError, type BridgeError } from './describeBridgeError';
import { noteBridgeErrors, type FailedAlone } from './noteBridgeErrors';
import type { SyncApi } from './platform';
import { tooLargeVerdict, verdictOf } from './Verdict';

/**
 * How a push ended. `offline` and `retry` carry the ids of the request that failed, still queued;
 * `unpaired` (401) stops the sync and leaves every payment queued: nothing is parked for it.
 * `partial`: the push went through the outbox, but the bridge failed on the payments in `ids`
 * each sent alone; they stay queued (or were set aside) and wait for the backoff.
 */
export type PushOutcome =
	| { kind: 'done'; sent: number }
	| { kind: 'partial'; sent: number; message: string; ids: string[] }
	| { kind: 'offline'; message: string; ids: string[] }
	| { kind: 'retry'; message: string; ids: string[] }
	| { kind: 'unpaired'; message: string };

export type PushContext = { db: PaysplitDb; api: SyncApi; now: () => number; batchSize?: number };

/**
 * In a push where the bridge has answered nothing yet, this many payments failing alone mean it is
 * most likely failing as a whole (its database down answers 500 to everything), not on them: the
 * push stops instead of splitting every batch down to single payments (2n − 1 requests). Those
 * payments go behind the others in their batch next time (`claimBatch`), so a few that really are
 * at fault cannot stop the queue this way: only a whole batch of them could.
 */
export const GIVE_UP_AFTER_FAILED_ALONE = 3;

/**
 * Statuses that say the bridge as a whole cannot serve now, whatever the request carries: 503 (the
 * PMS cannot be read, DESIGN §6; or overloaded), and 501, 505, 507, 511 (it does not serve this
 * method or protocol, its disk is full, a network login is in the way). Every payment waits, as
 * after a network failure. Any other 5xx (500, 502, 504, …) may be this request's own doing — one
 * payment the bridge trips on — so the batch is split (see `sendItems`).
 */
const SERVICE_UNAVAILABLE: ReadonlySet<number> = new Set([501, 503, 505, 507, 511]);

function isRequestFault(status: number): boolean {
	return status >= 500 && status <= 599 && !SERVICE_UNAVAILABLE.has(status);
}

/** What one push learned on the way: whether the bridge works, and who it failed on alone. */
type PushState = { answered: boolean; failedAlone: FailedAlone[] };

type Sent = { kind: 'done'; sent: number } | Exclude<PushOutcome, { kind: 'done' } | { kind: 'partial' }>;

/**
 * Sends the outbox to the bridge (DESIGN §6 `POST /payments`), oldest first, in batches of at most
 * 100, until it is empty or a whole request fails for a reason that is not one payment's. Each
 * batch is claimed in one transaction, sent with no transaction open, and acknowledged in a new
 * one. Payments saved meanwhile are later in the order, so the same push picks them up; the cursor
 * moves past every claimed entry, so a payment left queued (no answer for it) waits for the next
 * push instead of looping here.
 *
 * At the end, whichever way it ends, the payments the bridge failed on alone are noted on their
 * entries, and those that keep failing are set aside (`noteBridgeErrors`).
 */
export async function pushOutbox(context: PushContext): Promise<PushOutcome> {
	const state: PushState = { answered: false, failedAlone: [] };
	const outcome = await pushBatches(context, state);
	if (state.failedAlone.length === 0) return outcome;
	const { db, now } = context;
	const noted = await withReopen(db, () => noteBridgeErrors(db, state.failedAlone, { now, othersTaken: state.answered }));
	if (outcome.kind !== 'done') return outcome;
	if (noted.waiting.length === 0) return outcome;
	const errors = [...new Set(state.failedAlone.filter((f) => noted.waiting.includes(f.item.intent.id)).map((f) => describeBridgeError(f.error)))];
	const count = noted.waiting.length === 1 ? '1 payment' : `${noted.waiting.length} payments`;
	return { kind: 'partial', sent: outcome.sent, message: `the bridge could not take ${count} sent alone (${errors.join('; ')}); the others were sent`, ids: noted.waiting };
}

async function pushBatches(context: PushContext, state: PushState): Promise<Exclude<PushOutcome, { kind: 'partial' }>> {
	const limit = Math.min(context.batchSize ?? MAX_PAYMENTS_PER_BATCH, MAX_PAYMENTS_PER_BATCH);
	let after: OutboxCursor | null = null;
	let sent = 0;
	for (;;) {
		const claim = await withReopen(context.db, () => claimBatch(context.db, { after, limit, now: context.now }));
		if (!claim.cursor) return { kind: 'done', sent };
		after = claim.cursor;
		if (claim.items.length === 0) continue;
		const outcome = await sendItems(context, state, claim.items);
		if (outcome.kind !== 'done') return outcome;
		sent += outcome.sent;
	}
}

/**
 * One request, and what to do with its answer.
 * - 413 (over 1 MB or over 100 payments): split in halves, down to single payments; one still
 *   refused alone is marked `rejected` (`too_large`) for a person, so it cannot hold up the rest.
 * - A 5xx of the request's own (`isRequestFault`): split in halves the same way, each half sent in
 *   turn, so one payment the bridge trips on cannot hold up the others: they go in this push. A
 *   half that fails again is split again; the other half is still sent. A single payment that
 *   fails alone is noted in `state` and the push goes on; it waits for the backoff (and may be set
 *   aside: `noteBridgeErrors`). Each request is sent once and a half the bridge answered is never
 *   sent again, so a batch of n costs at most 2n − 1 requests. The bridge may have journaled part
 *   of a failed request (it commits payment by payment): those come back `duplicate`.
 * - 401, a network failure, 503 and the other "service" 5xx, 429, and anything else unexpected:
 *   the push stops there; retry later.
 */
async function sendItems(context: PushContext, state: PushState, items: readonly ClaimedItem[]): Promise<Sent> {
	const { db, now } = context;
	const ids = items.map((item) => item.intent.id);
	const answer = await context.api.sendPayments(items.map((item) => item.intent));
	if (answer.ok) {
		state.answered = true;
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
	if (answer.status === 413 && items.length === 1) {
		await withReopen(db, () => applyVerdicts(db, items, [tooLargeVerdict], now));
		return { kind: 'done', sent: 1 };
	}
	const error: BridgeError = { status: answer.status, code: answer.code, message: answer.message };
	if (isRequestFault(answer.status) && items.length === 1) return failedAlone(state, items[0]!, error);
	if (answer.status === 413 || isRequestFault(answer.status)) {
		const middle = Math.ceil(items.length / 2);
		const first = await sendItems(context, state, items.slice(0, middle));
		if (first.kind !== 'done') return first;
		const second = await sendItems(context, state, items.slice(middle));
		return second.kind === 'done' ? { kind: 'done', sent: first.sent + second.sent } : second;
	}
	return { kind: 'retry', message: `${answer.status} ${answer.code}: ${answer.message}`, ids };
}

/** Notes a payment the bridge failed on alone; stops the push if the bridge seems down as a whole. */
function failedAlone(state: PushState, item: ClaimedItem, error: BridgeError): Sent {
	state.failedAlone.push({ item, error });
	if (state.answered || state.failedAlone.length < GIVE_UP_AFTER_FAILED_ALONE) return { kind: 'done', sent: 0 };
	return {
		kind: 'retry',
		message: `the bridge failed on each of ${state.failedAlone.length} payments sent alone and took none (${describeBridgeError(error)}); it seems to be failing as a whole`,
		ids: state.failedAlone.map((f) => f.item.intent.id)
	};
}
