import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createNexhealthClient, type NexhealthClientOptions } from '$lib/server/connectors/nexhealth/nexhealthClient';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'reset' | 'refused' | 'timeout';
type Seen = { method: string; url: URL; headers: Headers; body: unknown };

/** A JWT-shaped token whose `exp` is `expSeconds` (the shape NexHealth's are). */
const jwt = (expSeconds: number, n: number) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ exp: expSeconds, n })).toString('base64url')}.sig`;

/**
 * A scripted NexHealth: POST /authenticates answers a token (lasting `ttlSeconds` from the clock's
 * now) unless scripted otherwise; every other request takes the next scripted answer for its path.
 */
function scripted(script: Record<string, Answer[]>, options: { ttlSeconds?: number; client?: Partial<NexhealthClientOptions> } = {}) {
	let now = Date.parse('2026-11-23T15:00:00Z');
	const seen: Seen[] = [];
	const sleeps: number[] = [];
	let tokens = 0;
	const client = createNexhealthClient({
		baseUrl: 'https://nexhealth.test/',
		apiKey: 'raw-key',
		subdomain: 'smile-dental',
		locationId: 4312,
		now: () => new Date(now),
		sleep: async (ms) => {
			sleeps.push(ms);
			now += ms;
		},
		limits: false,
		random: () => 0,
		fetch: async (input, init) => {
			const url = new URL(input);
			const headers = new Headers(init?.headers);
			seen.push({ method: init?.method ?? 'GET', url, headers, body: init?.body ? JSON.parse(String(init.body)) : undefined });
			const queue = script[`${init?.method ?? 'GET'} ${url.pathname}`];
			let answer = queue?.shift();
			if (!answer && url.pathname === '/authenticates') answer = { status: 201, body: { code: true, description: 'Authenticated', error: [], data: { token: jwt(Math.floor(now / 1000) + (options.ttlSeconds ?? 3600), ++tokens) } } };
			if (!answer) throw new Error(`unscripted ${init?.method} ${url.pathname}`);
			if (answer === 'reset') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
			if (answer === 'refused') throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
			if (answer === 'timeout') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
			return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
		},
		...options.client
	});
	return { client, seen, sleeps, advance: (seconds: number) => void (now += seconds * 1000), tokensIssued: () => tokens };
}

const ok = (data: unknown, page_info?: unknown) => ({ status: 200, body: { code: true, description: 'Success', error: [], data, ...(page_info ? { page_info } : {}) } });
const fail = (status: number, message: string) => ({ status, body: { code: false, description: 'Bad', error: [message], data: {} } });
const rows = z.object({ id: z.number() });

describe('NexHealth client: transport as the real API', () => {
	it('authenticates with the raw key, then sends the bearer token, Nex-Api-Version and subdomain on every call', async () => {
		const nex = scripted({ 'GET /payment_types': [ok([{ id: 1 }])] });
		const result = await nex.client.list('/payment_types', { location_id: 4312 }, rows);
		expect(result).toEqual({ ok: true, value: [{ id: 1 }] });
		const [auth, call] = nex.seen;
		expect(auth?.method).toBe('POST');
		expect(auth?.url.pathname).toBe('/authenticates');
		expect(auth?.headers.get('authorization')).toBe('raw-key');
		expect(call?.headers.get('authorization')).toMatch(/^Bearer ey/);
		for (const request of nex.seen) expect(request.headers.get('nex-api-version')).toBe('v3.0.0');
		expect(call?.url.searchParams.get('subdomain')).toBe('smile-dental');
		expect(call?.url.searchParams.get('location_id')).toBe('4312');
		expect(call?.url.searchParams.get('per_page')).toBe('1000');
	});

	it('paging follows end_cursor until has_next_page is false', async () => {
		const nex = scripted({
			'GET /charges': [
				ok([{ id: 1 }, { id: 2 }], { has_previous_page: false, has_next_page: true, start_cursor: 'A', end_cursor: 'B' }),
				ok([{ id: 3 }], { has_previous_page: true, has_next_page: true, start_cursor: 'C', end_cursor: 'D' }),
				ok([{ id: 4 }], { has_previous_page: true, has_next_page: false, start_cursor: 'E', end_cursor: 'E' })
			]
		});
		const result = await nex.client.list('/charges', { location_id: 4312, guarantor_id: 7 }, rows);
		expect(result).toEqual({ ok: true, value: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] });
		const pages = nex.seen.filter((s) => s.url.pathname === '/charges');
		expect(pages.map((p) => p.url.searchParams.get('end_cursor'))).toEqual([null, 'B', 'D']);
		expect(pages.every((p) => p.url.searchParams.get('guarantor_id') === '7' && p.url.searchParams.get('start_cursor') === null)).toBe(true);
	});

	it('a next page promised without a new cursor stops the read instead of looping', async () => {
		const nex = scripted({ 'GET /charges': [ok([{ id: 1 }], { has_next_page: true, end_cursor: null })] });
		const result = await nex.client.list('/charges', {}, rows);
		expect(!result.ok && result.failure.kind).toBe('unreachable');
	});

	it('a 429 is waited out with growing pauses (the injected sleep) and asked again, for a read and for a write', async () => {
		const nex = scripted({
			'GET /patients': [fail(429, 'Rate limit exceeded'), fail(429, 'Rate limit exceeded'), fail(429, 'Rate limit exceeded'), ok([{ id: 5 }])],
			'POST /payments': [fail(429, 'Rate limit exceeded'), { status: 202 }]
		});
		expect(await nex.client.list('/patients', {}, rows)).toEqual({ ok: true, value: [{ id: 5 }] });
		expect(nex.sleeps).toEqual([1000, 2000, 4000]);
		expect(await nex.client.post('/payments', { location_id: 4312 }, { payment: {} })).toEqual({ ok: true, value: undefined });
		expect(nex.seen.filter((s) => s.method === 'POST' && s.url.pathname === '/payments')).toHaveLength(2);
	});

	it('NexHealth answering 429 past the wait budget is never a refusal: the request is safe to send again later', async () => {
		const nex = scripted({ 'POST /payments': Array.from({ length: 50 }, () => fail(429, 'Rate limit exceeded')) });
		const result = await nex.client.post('/payments', {}, { payment: {} });
		expect(!result.ok && result.failure.kind).toBe('unreachable');
		expect(nex.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5 * 60_000);
		expect(Math.max(...nex.sleeps)).toBeLessThanOrEqual(60_000);
	});

	it('the token is renewed before it expires, not after a refused call', async () => {
		const nex = scripted({ 'GET /providers': [ok([]), ok([])] }, { ttlSeconds: 3600 });
		await nex.client.list('/providers', {}, rows);
		expect(nex.tokensIssued()).toBe(1);
		nex.advance(3600 - 4 * 60); // four minutes before the hour: inside the renewal margin
		await nex.client.list('/providers', {}, rows);
		expect(nex.tokensIssued()).toBe(2);
		const bearers = nex.seen.filter((s) => s.url.pathname === '/providers').map((s) => s.headers.get('authorization'));
		expect(bearers[0]).not.toBe(bearers[1]);
	});

	it('a 401 renews the token once and asks again; a second 401 is unauthorized', async () => {
		const nex = scripted({ 'GET /providers': [fail(401, 'Bearer token has expired'), ok([{ id: 9 }]), fail(401, 'Invalid bearer token'), fail(401, 'Invalid bearer token')] });
		expect(await nex.client.list('/providers', {}, rows)).toEqual({ ok: true, value: [{ id: 9 }] });
		expect(nex.tokensIssued()).toBe(2);
		const again = await nex.client.list('/providers', {}, rows);
		expect(!again.ok && again.failure).toMatchObject({ kind: 'unauthorized', status: 401 });
		expect(nex.tokensIssued()).toBe(3);
	});

	it('a refused API key is unauthorized, naming the setting', async () => {
		const nex = scripted({ 'POST /authenticates': [fail(401, 'Invalid API key')] });
		const result = await nex.client.get('/sync_status', {}, z.unknown());
		expect(!result.ok && result.failure.kind).toBe('unauthorized');
		expect(!result.ok && result.failure.message).toContain('NEXHEALTH_API_KEY');
	});

	it('a write is never retried on a failure that may have applied it: 5xx, timeout, a dropped connection are unknown', async () => {
		for (const answer of [fail(500, 'Internal error'), 'timeout', 'reset'] as Answer[]) {
			const nex = scripted({ 'POST /payments': [answer, { status: 202 }] });
			const result = await nex.client.post('/payments', {}, { payment: {} });
			expect(!result.ok && result.failure.kind).toBe('unknown');
			expect(nex.seen.filter((s) => s.url.pathname === '/payments')).toHaveLength(1);
		}
	});

	it('a write whose connection was refused never left: unreachable', async () => {
		const nex = scripted({ 'POST /payments': ['refused'] });
		const result = await nex.client.post('/payments', {}, { payment: {} });
		expect(!result.ok && result.failure.kind).toBe('unreachable');
	});

	it('400 and 404 are refused with NexHealth’s message; 403 is unauthorized', async () => {
		const nex = scripted({ 'POST /payments': [fail(400, 'Payment Type with id 1 not found in location 4312'), fail(403, "You don't have access to perform this action.")], 'GET /payments/7': [fail(404, 'Not found')] });
		expect(await nex.client.post('/payments', {}, {})).toEqual({ ok: false, failure: { kind: 'refused', status: 400, message: 'Payment Type with id 1 not found in location 4312' } });
		const forbidden = await nex.client.post('/payments', {}, {});
		expect(!forbidden.ok && forbidden.failure.kind).toBe('unauthorized');
		const missing = await nex.client.get('/payments/7', {}, z.unknown());
		expect(!missing.ok && missing.failure).toMatchObject({ kind: 'refused', status: 404 });
	});

	it('a read that failed fast is tried again; the HTTP status is trusted over the envelope’s code', async () => {
		const nex = scripted({ 'GET /providers': [fail(500, 'boom'), 'reset', { status: 200, body: { code: false, description: 'x', error: ['unknown param ignored'], data: [{ id: 3 }] } }] });
		expect(await nex.client.list('/providers', {}, rows)).toEqual({ ok: true, value: [{ id: 3 }] });
		expect(nex.seen.filter((s) => s.url.pathname === '/providers')).toHaveLength(3);
	});

	it('an answer that does not parse is not trusted', async () => {
		const nex = scripted({ 'GET /providers': [ok([{ id: 'seven' }])] });
		const result = await nex.client.list('/providers', {}, rows);
		expect(!result.ok && result.failure.message).toContain('cannot read');
	});

	it('keeps under 100 requests a second by itself', async () => {
		const nex = scripted({ 'GET /providers': Array.from({ length: 101 }, () => ok([])) }, { client: { limits: { perSecond: 100, patientsPerMinute: 1000, othersPerMinute: 2000 } } });
		nex.advance(0);
		for (let i = 0; i < 101; i++) await nex.client.list('/providers', {}, rows);
		// 102 requests (one authentication): the 101st in the same second waited for the window.
		expect(nex.sleeps.length).toBeGreaterThan(0);
		expect(nex.sleeps.every((ms) => ms <= 1000)).toBe(true);
	});
});
