import type { PmsFailure, PmsPayment } from '../connectors/PmsConnector';
import { scheduleNextStep } from '../journal/dueWork';
import type { PmsRow } from '../journal/pmsRows';
import { mustTransition } from '../journal/transition';
import type { PostingDeps } from './postingDeps';
import { retryDelay } from './retryDelay';

/** Who the journal names for the bridge's own steps. */
export const BRIDGE = 'bridge';

/** How soon a write the PMS took asynchronously is looked for again, by try: the first reads are quick, then once a minute. */
const LOOK_AGAIN_MS = [3_000, 5_000, 10_000, 20_000, 30_000, 60_000];

export type StepOutcomes = ReturnType<typeof createStepOutcomes>;

/** How a posting step ends for a payment, when it does not move it on: flagged for a person, tried later, looked for again. */
export function createStepOutcomes(deps: PostingDeps) {
	const { sql } = deps;
	return {
		/** `needs_attention` with a reason a person can act on (DESIGN §2). */
		async flag(paymentId: string, reason: string, cause: string): Promise<void> {
			await sql.transaction((tx) => mustTransition(tx, { paymentId, event: { kind: 'problem', reason }, at: deps.now(), cause, actor: BRIDGE }));
			deps.log('warn', `payment ${paymentId} needs attention: ${cause}`, { paymentId });
		},
		/** A transient failure: the same step again after a backoff with jitter (longer after an unknown write outcome). */
		async retryLater(payment: { id: string; attempts: number }, failure: PmsFailure, doing: string): Promise<void> {
			const attempts = payment.attempts + 1;
			const backoff = retryDelay(attempts, deps.random());
			const delay = failure.kind === 'unknown' ? Math.max(backoff, deps.settleAfterUnknownMs ?? 30_000) : backoff;
			await scheduleNextStep(sql, payment.id, new Date(deps.now().getTime() + delay), attempts);
			deps.log('warn', `payment ${payment.id}: ${doing} failed (${failure.kind}: ${failure.message}); retry ${attempts} in ${Math.round(delay / 1000)} s`, { paymentId: payment.id, failure: failure.kind, attempt: attempts, retryInMs: delay });
		},
		/** A write the PMS took and does not show yet: look for it again soon, then once a minute. */
		async lookAgainLater(payment: { id: string; attempts: number }): Promise<void> {
			const attempts = payment.attempts + 1;
			const delay = LOOK_AGAIN_MS[Math.min(payment.attempts, LOOK_AGAIN_MS.length - 1)] ?? 60_000;
			await scheduleNextStep(sql, payment.id, new Date(deps.now().getTime() + delay), attempts);
		}
	};
}

/** The PMS rows as the journal keeps them. */
export function toPmsRows(found: readonly PmsPayment[]): PmsRow[] {
	return found.map((row) => ({ pmsPaymentId: row.pmsPaymentId, amount: row.amount, payDate: row.payDate || null, paymentTypeId: row.paymentTypeId || null }));
}
