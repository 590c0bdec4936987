import { scheduleNextStep, type DuePayment } from '../journal/dueWork';
import { mustTransition } from '../journal/transition';
import type { PostingDeps } from './postingDeps';
import { BRIDGE } from './stepOutcomes';

/** How soon a payment waiting for the PMS's write side looks again. */
const LOOK_AGAIN_MS = 10_000;

/**
 * While the PMS does not take writes (NexHealth: the Synchronizer's write side is red), a cleared
 * payment waits with the reason, and nothing is marked failed for it; it is written when the PMS
 * takes writes again. True when it waits.
 */
export async function waitsForPms(deps: PostingDeps & { writeWatch: NonNullable<PostingDeps['writeWatch']> }, payment: DuePayment): Promise<boolean> {
	const status = await deps.writeWatch.status();
	if (status.writable) return false;
	await deps.sql.transaction(async (tx) => {
		if (payment.reason !== status.reason) {
			await mustTransition(tx, { paymentId: payment.id, event: { kind: 'waits_for_pms', reason: status.reason }, at: deps.now(), cause: 'the PMS does not take writes now', actor: BRIDGE });
		}
		await scheduleNextStep(tx, payment.id, new Date(deps.now().getTime() + LOOK_AGAIN_MS));
	});
	return true;
}
