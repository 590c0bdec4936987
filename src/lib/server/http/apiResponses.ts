import type { Issue } from '$lib/domain/api/errorBody';

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** A JSON answer that no cache keeps: API responses can carry patient data. */
export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers } });
}

/** A whole-request error, shaped as DESIGN §6 says: `{error: {code, message, issues?}}`. */
export function apiError(status: number, code: string, message: string, issues?: Issue[], headers: Record<string, string> = {}): Response {
	return apiJson({ error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } }, status, headers);
}
