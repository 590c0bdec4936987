import type { z } from 'zod';
import type { PmsFailure, PmsResult } from '../PmsConnector';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type OpenDentalClientOptions = {
	baseUrl: string;
	developerKey: string;
	customerKey: string;
	fetch: FetchLike;
	timeoutMs?: number;
	/**
	 * How many more times a read (GET) that failed fast — a 5xx or a refused or reset connection, not
	 * a timeout — is tried at once, after a short jittered pause (default 2). Reads change nothing, so
	 * trying again is safe; writes are never retried here (the pipeline reads back first).
	 */
	readRetries?: number;
	/** Waits between read retries (tests pass a fake). */
	pause?: (ms: number) => Promise<void>;
};

/**
 * HTTP to Open Dental's API: the ODFHIR authorization header, JSON bodies, a timeout, Open Dental's
 * bare-string error bodies, and each failure classified for the pipeline (see PmsFailureKind).
 * Responses are parsed by zod schemas: a PMS answer is untrusted until parsed.
 */
export function createOpenDentalClient(options: OpenDentalClientOptions) {
	const base = options.baseUrl.replace(/\/+$/, '');
	const authorization = `ODFHIR ${options.developerKey}/${options.customerKey}`;
	const timeoutMs = options.timeoutMs ?? 15_000;
	const readRetries = options.readRetries ?? 2;
	const pause = options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

	async function send(method: string, path: string, body?: unknown): Promise<PmsResult<unknown>> {
		let response: Response;
		try {
			response = await options.fetch(`${base}${path}`, {
				method,
				headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
				signal: AbortSignal.timeout(timeoutMs),
				...(body === undefined ? {} : { body: JSON.stringify(body) })
			});
		} catch (error) {
			return { ok: false, failure: classifyThrown(error, method) };
		}
		let parsed: unknown = null;
		const text = await response.text().catch(() => '');
		if (text !== '') {
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = text;
			}
		}
		if (response.ok) return { ok: true, value: parsed };
		const message = errorMessage(parsed) || `HTTP ${response.status}`;
		if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized', status: 401, message: `Open Dental refused the API keys: ${message}` } };
		// Open Dental reports a down eConnector and timeouts as 400 too; its 5xx and 504 mean "maybe applied".
		if (response.status >= 500) return { ok: false, failure: { kind: method === 'GET' ? 'unreachable' : 'unknown', status: response.status, message: `Open Dental failed (${response.status}): ${message}` } };
		return { ok: false, failure: { kind: 'refused', status: response.status, message } };
	}

	/** `send`, with a read that failed fast tried again up to `readRetries` times. */
	async function sendWithReadRetries(method: string, path: string, body?: unknown): Promise<PmsResult<unknown>> {
		for (let retry = 0; ; retry += 1) {
			const started = Date.now();
			const result = await send(method, path, body);
			const fast = Date.now() - started < timeoutMs;
			if (result.ok || method !== 'GET' || result.failure.kind !== 'unreachable' || !fast || retry >= readRetries) return result;
			await pause(100 * (retry + 1) + Math.floor(Math.random() * 100));
		}
	}

	async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<PmsResult<T>> {
		const result = await sendWithReadRetries(method, path, body);
		if (!result.ok) return result;
		const parsed = schema.safeParse(result.value);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return { ok: false, failure: { kind: method === 'GET' ? 'unreachable' : 'unknown', message: `Open Dental answered ${method} ${path} with data Paysplit cannot read (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})` } };
		}
		return { ok: true, value: parsed.data };
	}

	/**
	 * Every row of a list, page by page (Open Dental returns at most 100 rows a request, 1000 on the
	 * Local API; the page size is whatever comes back), until a page comes back empty or short.
	 */
	async function listAll<T>(path: string, schema: z.ZodType<T>): Promise<PmsResult<T[]>> {
		const rows: T[] = [];
		let pageSize = 0;
		for (;;) {
			const separator = path.includes('?') ? '&' : '?';
			const page = await call('GET', `${path}${rows.length > 0 ? `${separator}Offset=${rows.length}` : ''}`, schema.array());
			if (!page.ok) return page;
			rows.push(...page.value);
			pageSize = Math.max(pageSize, page.value.length);
			if (page.value.length === 0 || page.value.length < pageSize) return { ok: true, value: rows };
		}
	}

	return { call, listAll };
}

export type OpenDentalClient = ReturnType<typeof createOpenDentalClient>;

function classifyThrown(error: unknown, method: string): PmsFailure {
	const name = error instanceof Error ? error.name : '';
	const message = error instanceof Error ? error.message : String(error);
	if (name === 'TimeoutError' || name === 'AbortError') {
		// A write that timed out may have been applied; a read that timed out changed nothing.
		return { kind: method === 'GET' ? 'unreachable' : 'unknown', message: `Open Dental did not answer in time (${message})` };
	}
	// fetch rejects with TypeError("fetch failed") and the socket error as its cause. Refused or
	// unresolvable connections never sent anything; a connection that broke later (ECONNRESET) may
	// have delivered a write, so only reads count as cleanly unreachable then.
	const code = (error instanceof Error && (error.cause as { code?: unknown } | undefined)?.code) || '';
	const neverSent = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(String(code));
	return { kind: method === 'GET' || neverSent ? 'unreachable' : 'unknown', message: `Open Dental could not be reached: ${message}${code ? ` (${String(code)})` : ''}` };
}

function errorMessage(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		for (const key of ['message', 'Message', 'error']) if (typeof record[key] === 'string') return record[key];
	}
	return '';
}
