import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { createDemoNexhealth, type DemoNexhealth, type DemoNexhealthOptions } from '$lib/server/demo-nexhealth/createDemoNexhealth';
import { demoNexhealthFetch, EMBEDDED_DEMO_NEXHEALTH_URL } from '$lib/server/demo-nexhealth/demoNexhealthFetch';
import { nexhealthRecorder, type NexhealthRecorder } from './nexhealthOpenApi';

export const NEX_TODAY = '2026-11-23';

/** A clock the test can move: `advance(seconds)` moves `now` (token expiry); `today` stays the demo's day. */
export function testClock(today = NEX_TODAY, start = new Date(`${today}T15:00:00Z`)) {
	let now = start.getTime();
	return { today: () => today, now: () => new Date(now), advance: (seconds: number) => void (now += seconds * 1000) };
}
export type TestClock = ReturnType<typeof testClock>;

export type Answer = { status: number; body: any; text: string; headers: Headers };
export type CallOptions = {
	query?: Record<string, string | number | boolean | (string | number)[] | undefined>;
	body?: unknown;
	headers?: Record<string, string>;
	token?: string | null;
	version?: string | null;
	signal?: AbortSignal;
	/** The request breaks NexHealth's document on purpose (a test of a refusal): the recorder expects that, and still checks the answer. */
	invalid?: boolean;
};

export type NexFake = {
	demo: DemoNexhealth;
	sql: Sql;
	clock: TestClock;
	/** Every exchange with the fake, checked against NexHealth's OpenAPI document. */
	recorder: NexhealthRecorder;
	/** The scope every ledger call needs: subdomain and location_id. */
	scope: { subdomain: string; location_id: number };
	/** A bearer token from POST /authenticates. */
	authenticate(): Promise<string>;
	/** One call through the recorder, as a connector would make it (Nex-Api-Version v3.0.0 and the current token unless told otherwise). */
	call(method: string, path: string, options?: CallOptions): Promise<Answer>;
	/** A call to the fake's own controls (/_demo/…), with the API key, outside the recorder. */
	control(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<Answer>;
	close(): Promise<void>;
};

/**
 * The NexHealth fake in process, on a fresh in-memory database, with a recorder and a token. Without
 * rate limits unless `rateLimits` is given (NEXHEALTH_RATE_LIMITS for NexHealth's): a test that reads
 * fast would otherwise meet 100 requests a second by the wall clock, sometimes.
 */
export async function startNexFake(options: Partial<DemoNexhealthOptions> & { clock?: TestClock } = {}): Promise<NexFake> {
	const sql = await openPglite(undefined);
	const clock = options.clock ?? testClock();
	const demo = await createDemoNexhealth(sql, clock, { emr: 'dentrix', syncSeconds: 0.2, rateLimits: false, ...options });
	const fetch = demoNexhealthFetch(demo.api);
	const recorder = nexhealthRecorder(fetch);
	let token: string | null = null;
	const read = async (response: Response): Promise<Answer> => {
		const text = await response.text();
		let body: unknown = null;
		try {
			body = text === '' ? null : JSON.parse(text);
		} catch {
			body = { notJson: text.slice(0, 200) };
		}
		return { status: response.status, body, text, headers: response.headers };
	};
	const fake: NexFake = {
		demo,
		sql,
		clock,
		recorder,
		scope: { subdomain: demo.keys.subdomain, location_id: demo.keys.locationId },
		async authenticate() {
			const answer = await read(await recorder.fetch(`${EMBEDDED_DEMO_NEXHEALTH_URL}/authenticates`, { method: 'POST', headers: { authorization: demo.keys.apiKey, 'nex-api-version': 'v3.0.0' } }));
			if (answer.status !== 201) throw new Error(`authenticate: ${answer.status} ${answer.text}`);
			token = answer.body.data.token as string;
			return token;
		},
		async call(method, path, callOptions = {}) {
			const url = new URL(`${EMBEDDED_DEMO_NEXHEALTH_URL}${path}`);
			for (const [name, value] of Object.entries(callOptions.query ?? {})) {
				if (value === undefined) continue;
				for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(one));
			}
			const useToken = callOptions.token === undefined ? (token ?? (await fake.authenticate())) : callOptions.token;
			const headers: Record<string, string> = { ...(useToken ? { authorization: `Bearer ${useToken}` } : {}), ...(callOptions.version === null ? {} : { 'nex-api-version': callOptions.version ?? 'v3.0.0' }), ...callOptions.headers };
			const init: RequestInit = { method, headers, ...(callOptions.signal ? { signal: callOptions.signal } : {}) };
			if (callOptions.body !== undefined) {
				headers['content-type'] ??= 'application/json';
				init.body = typeof callOptions.body === 'string' ? callOptions.body : JSON.stringify(callOptions.body);
			}
			try {
				return read(await recorder.fetch(url.href, init));
			} finally {
				const exchange = recorder.exchanges.at(-1);
				if (callOptions.invalid && exchange) exchange.invalidOnPurpose = true;
			}
		},
		async control(method, path, body) {
			const init: RequestInit = { method, headers: { authorization: demo.keys.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
			return read(await demo.api(new Request(`${EMBEDDED_DEMO_NEXHEALTH_URL}${path}`, init)));
		},
		async close() {
			await demo.stop();
			await sql.close();
		}
	};
	return fake;
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000, what = 'the condition'): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}
