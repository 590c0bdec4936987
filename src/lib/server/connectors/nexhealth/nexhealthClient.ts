import type { z } from 'zod';
import type { PmsFailure, PmsResult } from '../PmsConnector';
import { nexEnvelopeSchema, nexErrorMessage } from './nexEnvelope';
import { statusFailure, thrownFailure } from './nexFailure';
import { createNexPacer, NEXHEALTH_RATE_LIMITS, nexRateBucket, type NexRateLimits } from './nexRateLimits';
import { nexToken, type NexToken } from './nexToken';
import { nexTokenSchema } from './nexWire';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The version every call names (the document: "v3.0.0 and v20240412 are two names for the same API version"). */
const NEX_API_VERSION = 'v3.0.0';
/** The most rows NexHealth returns in one page ("Maximum allowed amount is 1000"). */
const NEX_PER_PAGE = 1000;
const MAX_PAGES = 10_000;

export type NexhealthClientOptions = {
	baseUrl: string;
	apiKey: string;
	subdomain: string;
	locationId: number;
	fetch: FetchLike;
	now: () => Date;
	sleep: (ms: number) => Promise<void>;
	/** How long one request may take (default 15 s). */
	timeoutMs?: number;
	/** Jitter for waits, 0 ≤ x < 1 (default Math.random). */
	random?: () => number;
	/** The limits the client keeps under (default NexHealth's published ones; false: none, for tests). */
	limits?: NexRateLimits | false;
	/** How long to keep asking again while NexHealth answers 429 (default 5 minutes). */
	rateLimitWaitMs?: number;
	/** How many more times a read that failed fast (5xx, a broken connection; not a timeout) is tried (default 2). */
	readRetries?: number;
};

type NexQuery = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

type Exchange = { status: number; body: unknown };

/**
 * HTTP to NexHealth's API as the real one speaks it (shared/notes/nexhealth-dentrix-eaglesoft.md §1):
 * `POST /authenticates` with the raw key for a bearer token, renewed before it ends and once on a
 * 401; `Nex-Api-Version` on every call; `subdomain` on every query (callers add `location_id` where
 * the operation takes it); the `{code, description, data, error, count, page_info}` envelope, with
 * the HTTP status trusted over `code`; cursor paging; 429s waited out; a timeout on every request.
 * Reads that fail fast are tried again; writes never are, except after a 401 or a 429, which
 * NexHealth answers before doing anything. Answers are parsed by zod schemas before they are used.
 */
export function createNexhealthClient(options: NexhealthClientOptions) {
	const base = options.baseUrl.replace(/\/+$/, '');
	const timeoutMs = options.timeoutMs ?? 15_000;
	const random = options.random ?? Math.random;
	const readRetries = options.readRetries ?? 2;
	const rateLimitWaitMs = options.rateLimitWaitMs ?? 5 * 60_000;
	const nowMs = () => options.now().getTime();
	const pacer = options.limits === false ? null : createNexPacer(options.limits ?? NEXHEALTH_RATE_LIMITS, nowMs, options.sleep);
	let token: NexToken | null = null;
	let authenticating: Promise<PmsResult<NexToken>> | null = null;

	function url(path: string, query: NexQuery): string {
		const params = new URLSearchParams({ subdomain: options.subdomain });
		for (const [name, value] of Object.entries(query)) {
			if (value === undefined) continue;
			for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
		}
		return `${base}${path}?${params.toString()}`;
	}

	/** One request, with the 429 waits (NexHealth refused it before doing anything, so it may be sent again). */
	async function send(method: 'GET' | 'POST', target: string, path: string, headers: Record<string, string>, body: unknown): Promise<PmsResult<Exchange> & { timedOut?: boolean }> {
		let waited = 0;
		for (let attempt = 0; ; attempt++) {
			await pacer?.take(nexRateBucket(path));
			let response: Response;
			try {
				response = await options.fetch(target, {
					method,
					headers: { 'nex-api-version': NEX_API_VERSION, accept: 'application/json', ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
					signal: AbortSignal.timeout(timeoutMs),
					...(body === undefined ? {} : { body: JSON.stringify(body) })
				});
			} catch (error) {
				const failure = thrownFailure(error, method === 'POST');
				return { ok: false, failure: { kind: failure.kind, message: failure.message }, timedOut: failure.timedOut };
			}
			let parsed: unknown = null;
			let text: string;
			try {
				text = await response.text();
			} catch (error) {
				// The answer broke off: the request arrived, what it did is not known.
				const failure = thrownFailure(error, method === 'POST');
				return { ok: false, failure: { kind: method === 'POST' ? 'unknown' : 'unreachable', status: response.status, message: failure.message } };
			}
			if (text !== '') {
				try {
					parsed = JSON.parse(text);
				} catch {
					parsed = text;
				}
			}
			if (response.status !== 429) return { ok: true, value: { status: response.status, body: parsed } };
			// No rate-limit headers are documented; honour a Retry-After if one comes, else back off
			// 1, 2, 4 … s (at most a minute, the longest window), with jitter.
			const retryAfter = Number(response.headers.get('retry-after'));
			const backoff = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : Math.min(60_000, 1000 * 2 ** attempt);
			const pause = Math.round(backoff * (1 + random() / 4));
			if (waited + pause > rateLimitWaitMs) return { ok: false, failure: statusFailure(429, `${nexErrorMessage(parsed)} (waited ${Math.round(waited / 1000)} s)`, false) };
			waited += pause;
			await options.sleep(pause);
		}
	}

	async function authenticate(): Promise<PmsResult<NexToken>> {
		const issuedAt = nowMs();
		const answer = await send('POST', `${base}/authenticates`, '/authenticates', { authorization: options.apiKey }, undefined);
		if (!answer.ok) {
			// Nothing is written by authenticating: a failure is a failure to reach NexHealth.
			return { ok: false, failure: { ...answer.failure, kind: answer.failure.kind === 'unknown' ? 'unreachable' : answer.failure.kind } };
		}
		const { status, body } = answer.value;
		if (status === 401 || status === 403) return { ok: false, failure: { kind: 'unauthorized', status, message: `NexHealth refused the API key (NEXHEALTH_API_KEY): ${nexErrorMessage(body) || `HTTP ${status}`}` } };
		if (status < 200 || status > 299) return { ok: false, failure: statusFailure(status, nexErrorMessage(body), false) };
		const data = nexEnvelopeSchema.safeParse(body);
		const parsed = data.success ? nexTokenSchema.safeParse(data.data.data) : null;
		if (!parsed?.success) return { ok: false, failure: { kind: 'unreachable', status, message: 'NexHealth answered POST /authenticates without a token' } };
		return { ok: true, value: nexToken(parsed.data.token, issuedAt) };
	}

	/** The current token, renewed when it is due; one authentication at a time. */
	async function currentToken(stale?: NexToken): Promise<PmsResult<NexToken>> {
		if (token && token !== stale && nowMs() < token.renewAt) return { ok: true, value: token };
		authenticating ??= authenticate().then((result) => {
			authenticating = null;
			if (result.ok) token = result.value;
			return result;
		});
		return authenticating;
	}

	/**
	 * A call with the bearer token: renewed first when due, and once more on a 401 (NexHealth answers
	 * 401 for an expired token before doing anything, so the call may be sent again). 2xx → the body.
	 */
	async function call(method: 'GET' | 'POST', path: string, query: NexQuery, body?: unknown): Promise<PmsResult<unknown>> {
		let refused: NexToken | undefined;
		for (let retries = 0; ; ) {
			const current = await currentToken(refused);
			if (!current.ok) return current;
			const answer = await send(method, url(path, query), path, { authorization: `Bearer ${current.value.token}` }, body);
			if (!answer.ok) {
				// A read that failed fast (not a timeout: that already took long) is tried again.
				if (method === 'GET' && !answer.timedOut && retries < readRetries) {
					retries++;
					await options.sleep(100 * retries + Math.floor(random() * 100));
					continue;
				}
				return answer;
			}
			const { status, body: answered } = answer.value;
			if (status >= 200 && status <= 299) return { ok: true, value: answered };
			if (status === 401 && refused === undefined) {
				refused = current.value;
				continue;
			}
			const failure: PmsFailure = statusFailure(status, nexErrorMessage(answered), method === 'POST');
			if (method === 'GET' && status >= 500 && retries < readRetries) {
				retries++;
				await options.sleep(100 * retries + Math.floor(random() * 100));
				continue;
			}
			return { ok: false, failure };
		}
	}

	function unreadable(method: string, path: string, error: z.ZodError): PmsResult<never> {
		const issue = error.issues[0];
		const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
		return { ok: false, failure: { kind: 'unreachable', message: `NexHealth answered ${method} ${path} with data Paysplit cannot read (${where}${issue?.message ?? 'invalid'})` } };
	}

	/** GET one object: the envelope's `data`, parsed by `schema`. */
	async function get<T>(path: string, query: NexQuery, schema: z.ZodType<T>): Promise<PmsResult<T>> {
		const answer = await call('GET', path, query);
		if (!answer.ok) return answer;
		const envelope = nexEnvelopeSchema.safeParse(answer.value);
		if (!envelope.success) return unreadable('GET', path, envelope.error);
		const data = schema.safeParse(envelope.data.data);
		return data.success ? { ok: true, value: data.data } : unreadable('GET', path, data.error);
	}

	/**
	 * GET every row of a list, page by page (`per_page` 1000), each next page asked with
	 * `end_cursor` = the last page's `page_info.end_cursor`, until `has_next_page` is false.
	 */
	async function list<T>(path: string, query: NexQuery, schema: z.ZodType<T>): Promise<PmsResult<T[]>> {
		const rows: T[] = [];
		let cursor: string | undefined;
		for (let page = 0; page < MAX_PAGES; page++) {
			const answer = await call('GET', path, { ...query, per_page: NEX_PER_PAGE, end_cursor: cursor });
			if (!answer.ok) return answer;
			const envelope = nexEnvelopeSchema.safeParse(answer.value);
			if (!envelope.success) return unreadable('GET', path, envelope.error);
			const data = schema.array().safeParse(envelope.data.data);
			if (!data.success) return unreadable('GET', path, data.error);
			rows.push(...data.data);
			const info = envelope.data.page_info;
			if (!info?.has_next_page) return { ok: true, value: rows };
			if (!info.end_cursor || info.end_cursor === cursor) return { ok: false, failure: { kind: 'unreachable', message: `NexHealth said GET ${path} has a next page but gave no new end_cursor to ask for it` } };
			cursor = info.end_cursor;
		}
		return { ok: false, failure: { kind: 'unreachable', message: `GET ${path} had more than ${MAX_PAGES} pages of ${NEX_PER_PAGE}: Paysplit stopped reading` } };
	}

	/** POST: the HTTP status of a success (NexHealth's writes answer 202 with no body). */
	async function post(path: string, query: NexQuery, body: unknown): Promise<PmsResult<void>> {
		const answer = await call('POST', path, query, body);
		return answer.ok ? { ok: true, value: undefined } : answer;
	}

	return { get, list, post, locationId: options.locationId };
}
