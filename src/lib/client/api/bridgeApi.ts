import type { z } from 'zod';
import { errorBodySchema } from '$lib/domain/api/errorBody';
import { healthSchema } from '$lib/domain/api/health';
import { pairResponseSchema } from '$lib/domain/api/devicePairing';
import { patientsFeedSchema } from '$lib/domain/api/patientsFeed';
import { changesResponseSchema } from '$lib/domain/api/paymentActions';
import { paymentDetailSchema } from '$lib/domain/api/paymentDetail';
import { paymentsBatchResponseSchema } from '$lib/domain/api/paymentsBatch';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { managerSessionResponseSchema } from '$lib/domain/api/managerSession';
import { manualPostingsResponseSchema } from '$lib/domain/api/manualPostings';
import { attentionResponseSchema } from '$lib/domain/api/attention';
import { putSettingsResponseSchema, settingsConflictSchema, settingsResponseSchema, type PutSettingsRequest, type SettingsConflict } from '$lib/domain/settings/practiceSettings';

/** What a call to the bridge came to: a parsed body, or why not (for the UI and the sync engine). */
export type ApiResult<T> =
	| { ok: true; value: T }
	| { ok: false; kind: 'offline'; message: string }
	| { ok: false; kind: 'http'; status: number; code: string; message: string; issues?: { path: string; message: string }[] };

export type BridgeApiOptions = { baseUrl?: string; token?: () => string | null; fetch?: typeof fetch };

/**
 * Typed calls to the bridge's /api/v1. Every answer is parsed by its domain schema: a response is
 * untrusted until parsed.
 */
export function createBridgeApi(options: BridgeApiOptions = {}) {
	const base = `${options.baseUrl ?? ''}/api/v1`;
	const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

	async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, timeoutMs = 15_000, extraHeaders: Record<string, string> = {}): Promise<ApiResult<T>> {
		const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
		const token = options.token?.();
		if (token) headers.authorization = `Bearer ${token}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		let response: Response;
		try {
			response = await doFetch(`${base}${path}`, {
				method,
				headers,
				cache: 'no-store',
				signal: AbortSignal.timeout(timeoutMs),
				...(body === undefined ? {} : { body: JSON.stringify(body) })
			});
		} catch (error) {
			return { ok: false, kind: 'offline', message: error instanceof Error ? error.message : String(error) };
		}
		const json: unknown = await response.json().catch(() => null);
		// A 409 on PUT /settings carries a body to show (both versions), not an error envelope.
		if (!response.ok && !(response.status === 409 && method === 'PUT' && path === '/settings')) {
			const parsed = errorBodySchema.safeParse(json);
			if (parsed.success) return { ok: false, kind: 'http', status: response.status, code: parsed.data.error.code, message: parsed.data.error.message, ...(parsed.data.error.issues ? { issues: parsed.data.error.issues } : {}) };
			return { ok: false, kind: 'http', status: response.status, code: 'http_error', message: `The bridge answered ${response.status}.` };
		}
		const parsed = schema.safeParse(json);
		if (!parsed.success) return { ok: false, kind: 'http', status: response.status, code: 'bad_response', message: `The bridge sent an answer to ${method} ${path} this app cannot read (${describeIssue(parsed.error.issues[0])}).` };
		return { ok: true, value: parsed.data };
	}

	return {
		/** "Online" means the bridge answered its health check within 2 s (DESIGN §2), not navigator.onLine. */
		health: () => call('GET', '/health', healthSchema, undefined, 2_000),
		pair: (code: string, name: string) => call('POST', '/devices/pair', pairResponseSchema, { code, name }),
		patients: (since?: string) => call('GET', since ? `/patients?since=${encodeURIComponent(since)}` : '/patients', patientsFeedSchema, undefined, 60_000),
		sendPayments: (payments: PaymentIntent[]) => call('POST', '/payments', paymentsBatchResponseSchema, { payments }),
		payment: (id: string) => call('GET', `/payments/${encodeURIComponent(id)}`, paymentDetailSchema),
		/** `GET /changes?since=&limit=` (DESIGN §6): status changes after `since` (`null`: from the start). */
		changes: (since: string | null, limit?: number) => call('GET', changesPath(since, limit), changesResponseSchema),
		settings: () => call('GET', '/settings', settingsResponseSchema),
		managerSession: (pin: string, name?: string) => call('POST', '/manager/session', managerSessionResponseSchema, { pin, ...(name ? { name } : {}) }),
		/** `PUT /settings` (manager): a 409 comes back as `{conflict}` with the version in force, not as an error. */
		async saveSettings(request: PutSettingsRequest, managerToken: string): Promise<ApiResult<{ saved: z.infer<typeof putSettingsResponseSchema> } | { conflict: SettingsConflict }>> {
			const answer = await call('PUT', '/settings', putSettingsResponseSchema.or(settingsConflictSchema), request, 15_000, { 'x-manager-token': managerToken });
			if (!answer.ok) return answer;
			return { ok: true, value: 'current' in answer.value ? { conflict: answer.value } : { saved: answer.value } };
		},
		manualPostings: () => call('GET', '/manual-postings', manualPostingsResponseSchema),
		/** `GET /attention`: payments the bridge stopped on, for a person to decide. */
		attention: () => call('GET', '/attention', attentionResponseSchema),
		/** `POST /payments/:id/retry`: a payment that needs attention goes back to where it stopped. */
		retryPayment: (id: string, by?: string) => call('POST', `/payments/${encodeURIComponent(id)}/retry`, paymentDetailSchema, by ? { by } : {}),
		/** `POST /payments/:id/void` (manager). */
		voidPayment: (id: string, reason: string, managerToken: string, by?: string) =>
			call('POST', `/payments/${encodeURIComponent(id)}/void`, paymentDetailSchema, { reason, ...(by ? { by } : {}) }, 15_000, { 'x-manager-token': managerToken }),
		markPosted: (id: string, by: string, pmsReference?: string) => call('POST', `/payments/${encodeURIComponent(id)}/posted`, paymentDetailSchema, { by, ...(pmsReference ? { pmsReference } : {}) })
	};
}

export type BridgeApi = ReturnType<typeof createBridgeApi>;

function changesPath(since: string | null, limit: number | undefined): string {
	const query = new URLSearchParams();
	if (since !== null) query.set('since', since);
	if (limit !== undefined) query.set('limit', String(limit));
	const text = query.toString();
	return text ? `/changes?${text}` : '/changes';
}

/** Where the answer went wrong and how, e.g. `changes.0.at: must be an ISO 8601 timestamp`. */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
	if (!issue) return 'unknown';
	const path = issue.path.map(String).join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
