/**
 * Responses the way Open Dental's API writes them: JSON bodies; errors as a bare JSON string with
 * the explanation (docs/opendental-api-reference.md §0: `400 "PatNum is required."`).
 */
export function odJson(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export function odError(status: 400 | 401 | 404 | 405 | 413 | 415 | 500 | 503, message: string): Response {
	return odJson(message, status);
}

/** Open Dental's date-time text: "yyyy-MM-dd HH:mm:ss" (the server's local time; the demo uses UTC). */
export function odDateTime(value: Date | string | null | undefined): string {
	if (value === null || value === undefined) return '0001-01-01 00:00:00';
	const date = typeof value === 'string' ? new Date(value) : value;
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export const odBoolText = (value: boolean) => (value ? 'true' : 'false');
