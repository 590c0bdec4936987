import type { z } from 'zod';
import { errorBodySchema } from '$lib/domain/api/errorBody';
import { healthSchema } from '$lib/domain/api/health';
import { pairResponseSchema } from '$lib/domain/api/devicePairing';
import { patientsFeedSchema } from '$lib/domain/api/patientsFeed';
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
		if (!parsed.success) return { ok: false, kind: 'http', status: response.status, code: 'bad_response', message: `The bridge sent an answer this app cannot read (${parsed.error.issues[0]?.message ?? 'unknown'}).` };
		return { ok: true, value: parsed.data };
	}

	return {
		/** "Online" means the bridge answered its health check within 2 s (DESIGN §2), not navigator.onLine. */
		health: () => call('GET', '/health', healthSchema, undefined, 2_000),
		pair: (code: string, name: string) => call('POST', '/devices/pair', pairResponseSchema, { code, name }),
		patients: (since?: string) => call('GET', since ? `/patients?since=${encodeURIComponent(since)}` : '/patients', patientsFeedSchema, undefined, 60_000),
		sendPayments: (payments: PaymentIntent[]) => call('POST', '/payments', paymentsBatchResponseSchema, { payments }),
		payment: (id: string) => call('GET', `/payments/${encodeURIComponent(id)}`, paymentDetailSchema),
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
