import { isIsoDate } from './isoDate';

/**
 * The one date format and the one time format staff read, everywhere (issue 15): "Dec 6, 2026",
 * "2:05 PM", "Dec 6, 2026, 2:05 PM". Instants are shown in the practice's time zone, never the
 * device's; calendar dates (a payment's date, a procedure's date) are shown as written, without a zone.
 * A value that is not a date is shown as it is rather than as "Invalid Date".
 */
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const LOCALE = 'en-US';

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'time' | 'dateTime', timeZone: string): Intl.DateTimeFormat {
	const key = `${kind} ${timeZone}`;
	let format = formats.get(key);
	if (!format) {
		const options = kind === 'date' ? DATE : kind === 'time' ? TIME : { ...DATE, ...TIME };
		format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
		formats.set(key, format);
	}
	return format;
}

/** A calendar date (YYYY-MM-DD) for staff: "Dec 6, 2026". */
export function formatDate(date: string): string {
	if (!isIsoDate(date)) return date;
	return formatter('date', 'UTC').format(new Date(`${date}T00:00:00Z`));
}

function instant(at: string | Date): Date | null {
	const d = typeof at === 'string' ? new Date(at) : at;
	return Number.isNaN(d.getTime()) ? null : d;
}

/** The time of an instant in the practice's zone: "2:05 PM". */
export function formatTime(at: string | Date, timeZone: string): string {
	const d = instant(at);
	return d ? formatter('time', timeZone).format(d) : String(at);
}

/** The date and time of an instant in the practice's zone: "Dec 6, 2026, 2:05 PM". */
export function formatDateTime(at: string | Date, timeZone: string): string {
	const d = instant(at);
	return d ? formatter('dateTime', timeZone).format(d) : String(at);
}
