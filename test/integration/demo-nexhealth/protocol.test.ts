import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEXHEALTH_RATE_LIMITS } from '$lib/server/demo-nexhealth/api/rateLimiter';
import { startNexFake, testClock, type NexFake } from '../../support/demoNexhealth';

/**
 * NexHealth's protocol as the fake keeps it: cursor paging (default page 5, at most 1000), bearer
 * tokens that expire, the version header, per-key rate limits, financial access — every answer
 * checked against NexHealth's OpenAPI document.
 */
let fake: NexFake;
const clock = testClock();
/** The rate limiter's clock: moves 11 ms a request (under 100 a second) unless frozen. */
let rateMs = 0;
let rateStep = 11;

beforeAll(async () => {
	fake = await startNexFake({ clock, rateLimits: NEXHEALTH_RATE_LIMITS, rateClock: () => (rateMs += rateStep) });
});
afterAll(async () => {
	fake.recorder.assertNoProblems();
	await fake.close();
});

async function walk(path: string, query: Record<string, string | number | boolean>) {
	const pages: { ids: number[]; page_info: any; count: number }[] = [];
	let cursor: string | undefined;
	for (let guard = 0; guard < 100; guard++) {
		const answer = await fake.call('GET', path, { query: { ...fake.scope, ...query, ...(cursor ? { end_cursor: cursor } : {}) } });
		expect(answer.status, answer.text).toBe(200);
		pages.push({ ids: answer.body.data.map((r: { id: number }) => r.id), page_info: answer.body.page_info, count: answer.body.count });
		if (!answer.body.page_info.has_next_page) return pages;
		cursor = answer.body.page_info.end_cursor;
	}
	throw new Error('paging never ended');
}

describe('cursor paging', () => {
	it('gives 5 records a page by default, the total in count, and the next page from end_cursor until has_next_page is false', async () => {
		const pages = await walk('/patients', {});
		const ids = pages.flatMap((p) => p.ids);
		expect(pages[0]!.ids).toHaveLength(5);
		expect(pages.slice(0, -1).every((p) => p.ids.length === 5)).toBe(true);
		expect(ids).toHaveLength(pages[0]!.count);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(pages.map((p) => p.page_info.has_previous_page)).toEqual(pages.map((_, i) => i > 0));
		const all = await fake.call('GET', '/patients', { query: { ...fake.scope, per_page: 1000 } });
		expect(all.body.data.map((p: { id: number }) => p.id)).toEqual(ids);
		expect(all.body.page_info).toMatchObject({ has_previous_page: false, has_next_page: false });
	});

	it('pages back with start_cursor to the same records', async () => {
		const pages = await walk('/payments', { updated_since: '2000-01-01T00:00:00Z', per_page: 7 });
		expect(pages.length).toBeGreaterThan(3);
		const back = await fake.call('GET', '/payments', { query: { ...fake.scope, updated_since: '2000-01-01T00:00:00Z', per_page: 7, start_cursor: pages[2]!.page_info.start_cursor } });
		expect(back.body.data.map((r: { id: number }) => r.id)).toEqual(pages[1]!.ids);
		expect(back.body.page_info).toMatchObject({ has_previous_page: true, has_next_page: true });
		const first = await fake.call('GET', '/payments', { query: { ...fake.scope, updated_since: '2000-01-01T00:00:00Z', per_page: 7, start_cursor: pages[1]!.page_info.start_cursor } });
		expect(first.body.data.map((r: { id: number }) => r.id)).toEqual(pages[0]!.ids);
		expect(first.body.page_info.has_previous_page).toBe(false);
	});

	it('walks sort=-updated_at newest first, each record once', async () => {
		const pages = await walk('/charges', { updated_since: '2000-01-01T00:00:00Z', sort: '-updated_at', per_page: 50 });
		const ids = pages.flatMap((p) => p.ids);
		expect(new Set(ids).size).toBe(pages[0]!.count);
		const all = await fake.call('GET', '/charges', { query: { ...fake.scope, updated_since: '2000-01-01T00:00:00Z', sort: '-updated_at', per_page: 1000 } });
		const stamps = all.body.data.map((c: { updated_at: string }) => c.updated_at);
		expect(stamps).toEqual([...stamps].sort().reverse());
		expect(all.body.data.map((c: { id: number }) => c.id)).toEqual(ids);
	});

	it('refuses a page over 1000, a cursor of another list or sort, a cursor it never made, and both cursors at once', async () => {
		const page = await fake.call('GET', '/patients', { query: { ...fake.scope, per_page: 2 } });
		const cursor = page.body.page_info.end_cursor as string;
		const refusals = [
			{ per_page: 1001 },
			{ per_page: 0 },
			{ per_page: -5 },
			{ end_cursor: cursor, sort: 'updated_at' },
			{ end_cursor: 'not-a-cursor' },
			{ end_cursor: Buffer.from('{"r":"patients","s":"id","i":"x"}').toString('base64url') },
			{ start_cursor: cursor, end_cursor: cursor }
		];
		for (const query of refusals) {
			const answer = await fake.call('GET', '/patients', { query: { ...fake.scope, ...query } });
			expect(answer.status, JSON.stringify(query)).toBe(400);
			expect(answer.body.code).toBe(false);
		}
		const elsewhere = await fake.call('GET', '/payments', { query: { ...fake.scope, patient_id: 1001, end_cursor: cursor } });
		expect(elsewhere.status).toBe(400);
		expect(elsewhere.body.error[0]).toMatch(/belongs to another list \(patients\)/);
		expect((await fake.call('GET', '/patients', { query: { ...fake.scope, sort: 'name' } })).status).toBe(400);
	});
});

describe('authentication and versions', () => {
	it('authenticates with the raw API key (201, "Authenticated") and refuses a wrong one with 401', async () => {
		const token = await fake.authenticate();
		expect(token.split('.')).toHaveLength(3);
		const wrong = await fake.demo.api(new Request('http://x/authenticates', { method: 'POST', headers: { authorization: 'nope' } }));
		expect(wrong.status).toBe(401);
		expect(((await wrong.json()) as { code: boolean }).code).toBe(false);
	});

	it('answers 401 without a bearer token, with one it never issued, and with one past its hour; a new token works', async () => {
		const token = await fake.authenticate();
		const query = { ...fake.scope, patient_id: 1001 };
		expect((await fake.call('GET', '/charges', { query, token })).status).toBe(200);
		expect((await fake.call('GET', '/charges', { query, token: null, invalid: true })).body.error[0]).toMatch(/Authorization header is missing/);
		expect((await fake.call('GET', '/charges', { query, token: 'forged.token.x' })).status).toBe(401);
		clock.advance(3599);
		expect((await fake.call('GET', '/charges', { query, token })).status).toBe(200);
		clock.advance(2);
		const expired = await fake.call('GET', '/charges', { query, token });
		expect(expired.status).toBe(401);
		expect(expired.body.error[0]).toMatch(/expired/);
		const fresh = await fake.authenticate();
		expect((await fake.call('GET', '/charges', { query, token: fresh })).status).toBe(200);
	});

	it('issues tokens as short-lived as a test needs (PUT /_demo/settings token_ttl_seconds)', async () => {
		expect((await fake.control('PUT', '/_demo/settings', { token_ttl_seconds: 2 })).body.data.token_ttl_seconds).toBe(2);
		const token = await fake.authenticate();
		clock.advance(3);
		expect((await fake.call('GET', '/payment_types', { query: fake.scope, token })).status).toBe(401);
		await fake.control('PUT', '/_demo/settings', { token_ttl_seconds: 3600 });
		await fake.authenticate();
	});

	it('requires Nex-Api-Version v3.0.0 (or v20240412) where the document does, answering 400 without it', async () => {
		const query = { ...fake.scope, per_page: 1 };
		const missing = await fake.call('GET', '/patients', { query, version: null, invalid: true });
		expect(missing.status).toBe(400);
		expect(missing.body.error).toEqual(['Nex-Api-Version header is missing: send Nex-Api-Version: v3.0.0']);
		expect((await fake.call('GET', '/patients', { query, version: 'v2', invalid: true })).status).toBe(400);
		expect((await fake.call('GET', '/patients', { query, version: 'v20240412' })).status).toBe(200);
		// Without a token it is 401 whatever else is wrong ("All unauthenticated requests will return a 401").
		expect((await fake.call('GET', '/patients', { query, version: null, token: null, invalid: true })).status).toBe(401);
		// The document lists no version header on /sync_status and /locations (the v2-era operations).
		expect((await fake.call('GET', '/sync_status', { version: null })).status).toBe(200);
	});

	it("answers 403 on the ledger when the key's financial access is off, and 200 on patients", async () => {
		await fake.control('PUT', '/_demo/settings', { ledger_access: false });
		try {
			const denied = await fake.call('GET', '/payments', { query: { ...fake.scope, patient_id: 1001 } });
			expect(denied.status).toBe(403);
			expect(denied.body.error).toEqual(["You don't have access to perform this action."]);
			expect((await fake.call('GET', '/patients', { query: fake.scope })).status).toBe(200);
		} finally {
			await fake.control('PUT', '/_demo/settings', { ledger_access: true });
		}
	});

	it('keeps its controls behind the API key', async () => {
		const anonymous = await fake.demo.api(new Request('http://x/_demo/faults'));
		expect(anonymous.status).toBe(401);
		expect((await fake.control('GET', '/_demo/nothing')).status).toBe(404);
		expect((await fake.control('PUT', '/_demo/settings', { token_ttl_seconds: 0 })).status).toBe(400);
	});
});

describe('rate limits', () => {
	it('answers 429 past 100 requests in a second, with the error envelope, and lets the key back in a second later', async () => {
		await fake.authenticate();
		rateStep = 0;
		try {
			rateMs += 2000;
			const statuses: number[] = [];
			for (let i = 0; i < 101; i++) statuses.push((await fake.call('GET', '/sync_status')).status);
			expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
			expect(statuses[100]).toBe(429);
			const over = await fake.call('GET', '/payment_types', { query: fake.scope });
			expect(over.status).toBe(429);
			expect(over.body).toMatchObject({ code: false, error: [expect.stringMatching(/100 requests per second/)] });
			rateMs += 1001;
			expect((await fake.call('GET', '/sync_status')).status).toBe(200);
		} finally {
			rateStep = 11;
		}
	});
});
