/**
 * NexHealth's answer envelope (docs.nexhealth.com/v20240412/reference/response-body): every answer is
 * `{code, description, data, error}`, with `count` (the total of matching records, not the page's
 * length) and `page_info` on paged lists. `code` is false on failure, with the messages in `error`.
 * Non-fatal remarks (an unknown query parameter) ride in `error` of a successful answer, as the docs
 * show for /operatories.
 */
export type PageInfo = { has_previous_page: boolean; has_next_page: boolean; start_cursor: string | null; end_cursor: string | null };

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export function nexOk(data: unknown, options: { status?: 200 | 201; description?: string; count?: number; pageInfo?: PageInfo; remarks?: string[] } = {}): Response {
	const body: Record<string, unknown> = { code: true, description: options.description ?? 'Success', data, error: options.remarks ?? [] };
	if (options.count !== undefined) body.count = options.count;
	if (options.pageInfo) body.page_info = options.pageInfo;
	return new Response(JSON.stringify(body), { status: options.status ?? 200, headers: JSON_TYPE });
}

export type NexErrorStatus = 400 | 401 | 403 | 404 | 413 | 415 | 429 | 500;
const REASONS: Record<NexErrorStatus, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error' };

/**
 * A refusal: `{code: false, description, data: {}, error: [message, …]}`. The document's error schemas
 * (API_Errors_BadRequest …) type `data` as an object, so it is an empty one, never null.
 */
export function nexError(status: NexErrorStatus, messages: string | string[]): Response {
	const error = typeof messages === 'string' ? [messages] : messages;
	return new Response(JSON.stringify({ code: false, description: REASONS[status], data: {}, error }), { status, headers: JSON_TYPE });
}

/** POST /payments' answer: 202 and no body ("202: Create payment", no content, in the document). */
export const nexAccepted = (): Response => new Response(null, { status: 202 });
