import { z } from 'zod';

/** True when `text` is a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
	return day <= days;
}

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });

/** An ISO 8601 timestamp with a time zone (what `Date.prototype.toISOString` writes). */
export const isoTimestampSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp, e.g. 2026-11-23T14:05:00.000Z' });
