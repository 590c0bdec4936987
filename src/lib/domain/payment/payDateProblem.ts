import { addDays } from '../dates/addDays';
import type { PayDateWindow } from '../settings/practiceSettings';

/**
 * Why a payment date is outside the dates the practice accepts (its `payDateWindow` around the
 * practice's `today`), or null when it is inside. Dates compare as YYYY-MM-DD text.
 */
export function payDateProblem(payDate: string, today: string, window: PayDateWindow): string | null {
	const earliest = addDays(today, -window.daysBack);
	const latest = addDays(today, window.daysAhead);
	if (payDate >= earliest && payDate <= latest) return null;
	const when = payDate < earliest ? `more than ${window.daysBack} days ago` : window.daysAhead === 0 ? 'in the future' : `more than ${window.daysAhead} day${window.daysAhead === 1 ? '' : 's'} ahead`;
	return `${payDate} is ${when}: the practice accepts payment dates from ${earliest} to ${latest} (today is ${today} in the practice's time zone)`;
}
