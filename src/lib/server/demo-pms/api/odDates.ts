import { isIsoDate } from '$lib/domain/dates/isoDate';

/**
 * Open Dental's date text, "yyyy-MM-dd": a real calendar date from 0001-01-01 (its "no date") on.
 * Year 0000 is written the same way but PostgreSQL has no year zero, so it is refused here, not there.
 */
export function isOdDate(text: string): boolean {
	return isIsoDate(text) && text >= '0001-01-01';
}

/** Open Dental's date-time text, "yyyy-MM-dd HH:mm:ss": a real date (isOdDate) and a time 00:00:00–23:59:59. */
export function isOdDateTime(text: string): boolean {
	const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
	if (!match) return false;
	const [, date = '', hours = '', minutes = '', seconds = ''] = match;
	return isOdDate(date) && Number(hours) <= 23 && Number(minutes) <= 59 && Number(seconds) <= 59;
}
