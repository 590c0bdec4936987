import { startOfDayIn } from '$lib/domain/dates/startOfDayIn';
import { todayIn } from '$lib/domain/dates/todayIn';
import { scheduleNextStep, type DuePayment } from '../journal/dueWork';
import { mustTransition } from '../journal/transition';
import type { PostingDeps } from './postingDeps';
import { BRIDGE } from './stepOutcomes';

/**
 * A payment dated after the practice's today (a check dated tomorrow, a device whose clock runs
 * ahead) is not written yet: the PMS refuses future dates, and it must never go to Needs attention
 * for being early. It stays `cleared` with the reason, until the date begins in the practice's zone.
 * True when it waits.
 */
export async function waitsForItsDate(deps: PostingDeps, payment: DuePayment): Promise<boolean> {
	const timeZone = deps.timeZone ?? 'UTC';
	const now = deps.now();
	if (payment.intent.payDate <= todayIn(timeZone, now)) return false;
	const dateBegins = startOfDayIn(payment.intent.payDate, timeZone);
	await deps.sql.transaction(async (tx) => {
		// Journaled once, when it starts to wait (a restart, or a wake-up before the date, only re-reads it).
		if (!payment.reason?.startsWith('waits for its date')) {
			await mustTransition(tx, { paymentId: payment.id, event: { kind: 'waits_for_date', payDate: payment.intent.payDate }, at: now, cause: `dated ${payment.intent.payDate}, after the practice's today`, actor: BRIDGE });
		}
		await scheduleNextStep(tx, payment.id, dateBegins);
	});
	deps.log('info', `payment ${payment.id} waits for its date ${payment.intent.payDate} (until ${dateBegins.toISOString()})`, { paymentId: payment.id });
	return true;
}
