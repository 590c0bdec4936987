import { plainText } from '$lib/domain/text/plainText';
import { MAX_KEY, MAX_PAGE, MAX_PAGING } from './odBounds';
import { odError } from './odResponse';

/**
 * The demo PMS's query parameters and path ids, each checked before it reaches the database: whole
 * numbers within odBounds, one line of well-formed text. A bad one answers 400 naming it and what is
 * allowed, as Open Dental words its refusals ("PatNum is required.").
 */

/** A whole number written in decimal digits (no sign, exponent, fraction, hex or spaces), within [min, max]. */
export function wholeNumber(text: string, name: string, min: number, max: number): number | Response {
	const value = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!(value >= min && value <= max)) return odError(400, `${name} must be a whole number from ${min} to ${max}.`);
	return value;
}

/** A whole-number query parameter: undefined when absent or empty, a Response when malformed. */
function wholeParam(url: URL, name: string, min: number, max: number): number | undefined | Response {
	const text = url.searchParams.get(name);
	if (text === null || text === '') return undefined;
	return wholeNumber(text, name, min, max);
}

/** Limit/Offset paging: Limit 1–2147483647 (a page holds at most MAX_PAGE rows), Offset 0–2147483647. */
export function paging(url: URL): { limit: number; offset: number } | Response {
	const limit = wholeParam(url, 'Limit', 1, MAX_PAGING);
	if (limit instanceof Response) return limit;
	const offset = wholeParam(url, 'Offset', 0, MAX_PAGING);
	if (offset instanceof Response) return offset;
	return { limit: Math.min(limit ?? MAX_PAGE, MAX_PAGE), offset: offset ?? 0 };
}

/** A numeric key from a query parameter (0 to `max`, MAX_KEY unless said): undefined when absent, a Response when malformed. */
export function keyParam(url: URL, name: string, max = MAX_KEY): number | undefined | Response {
	return wholeParam(url, name, 0, max);
}

/**
 * A text query parameter (a name to search for): one line of well-formed text within `max`
 * characters, normalised; undefined when absent or blank. Card numbers are not refused: a search
 * stores nothing.
 */
export function textParam(url: URL, name: string, max: number): string | undefined | Response {
	const text = url.searchParams.get(name);
	if (text === null) return undefined;
	const parsed = plainText({ max, cardNumbers: 'allow' }).safeParse(text);
	if (!parsed.success) return odError(400, `${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
	return parsed.data === '' ? undefined : parsed.data;
}
