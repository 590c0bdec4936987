/**
 * Responses the way Open Dental's API writes them: JSON bodies; errors as a bare JSON string with
 * the explanation (docs/opendental-api-reference.md §0: `400 "PatNum is required."`).
 */
export function odJson(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export function odError(status: 400 | 401 | 404 | 405 | 500 | 503, message: string): Response {
	return odJson(message, status);
}

/** Open Dental's date-time text: "yyyy-MM-dd HH:mm:ss" (the server's local time; the demo uses UTC). */
export function odDateTime(value: Date | string | null | undefined): string {
	if (value === null || value === undefined) return '0001-01-01 00:00:00';
	const date = typeof value === 'string' ? new Date(value) : value;
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export const odBoolText = (value: boolean) => (value ? 'true' : 'false');

/** Limit/Offset paging: 1000 rows a page at most, as Open Dental's Local API and API Service allow. */
export const MAX_PAGE = 1000;

export function paging(url: URL): { limit: number; offset: number } | Response {
	const limitText = url.searchParams.get('Limit');
	const offsetText = url.searchParams.get('Offset');
	const limit = limitText === null ? MAX_PAGE : Number(limitText);
	const offset = offsetText === null ? 0 : Number(offsetText);
	if (!Number.isInteger(limit) || limit < 1) return odError(400, 'Limit must be a positive whole number.');
	if (!Number.isInteger(offset) || offset < 0) return odError(400, 'Offset must be zero or a positive whole number.');
	return { limit: Math.min(limit, MAX_PAGE), offset };
}

/** A numeric key from a query parameter: undefined when absent, a Response when malformed. */
export function keyParam(url: URL, name: string): number | undefined | Response {
	const text = url.searchParams.get(name);
	if (text === null || text === '') return undefined;
	if (!/^\d+$/.test(text)) return odError(400, `${name} must be a number.`);
	return Number(text);
}
