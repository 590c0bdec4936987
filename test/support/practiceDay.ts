import { addDays } from '../../src/lib/domain/dates/addDays';
import { todayIn } from '../../src/lib/domain/dates/todayIn';

/**
 * The practice's time zone the tests' bridges run in: PRACTICE_TZ when the suite is run with one (to
 * try the suite where the practice's day and the UTC day differ), else the bridge's default.
 */
export const TEST_PRACTICE_TZ = process.env.PRACTICE_TZ || 'America/New_York';

/**
 * A payment date relative to the practice's today (`practiceDay()` = today, `practiceDay(-3)` =
 * three days ago), in the zone the tests' bridges use. Tests and benches date payments with this,
 * never with the UTC day (`toISOString().slice(0, 10)`, tomorrow for the practice every evening) nor
 * with a fixed calendar date that the practice's date window refuses a year later.
 */
export function practiceDay(offsetDays = 0, now: Date = new Date(), timeZone: string = TEST_PRACTICE_TZ): string {
	const today = todayIn(timeZone, now);
	return offsetDays === 0 ? today : addDays(today, offsetDays);
}
