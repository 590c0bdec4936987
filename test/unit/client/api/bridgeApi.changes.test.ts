import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '$lib/client/api/bridgeApi';

/** A bridge that answers every request with `body` (status 200 unless told), recording what was asked. */
function answering(body: unknown, status = 200) {
	const asked: { url: string; authorization: string | null }[] = [];
	const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		asked.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
		return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	}) as typeof globalThis.fetch;
	return { api: createBridgeApi({ baseUrl: 'http://bridge.test', fetch, token: () => 'tok' }), asked };
}

const page = { changes: [{ cursor: '0000000000000007', id: 'p1', status: 'verified', at: '2026-11-23T15:00:00.000Z', reason: 'ok' }], next: '0000000000000007' };

describe('changes(since, limit): GET /changes (DESIGN §6)', () => {
	it('asks from the start without since, and from the cursor (encoded) with it, with the device token', async () => {
		const { api, asked } = answering(page);
		expect(await api.changes(null)).toEqual({ ok: true, value: page });
		await api.changes('00&x=1', 500);
		expect(asked).toEqual([
			{ url: 'http://bridge.test/api/v1/changes', authorization: 'Bearer tok' },
			{ url: 'http://bridge.test/api/v1/changes?since=00%26x%3D1&limit=500', authorization: 'Bearer tok' }
		]);
	});

	it('keeps a status it does not know as text (the sync skips that change), so a newer bridge’s page stays readable', async () => {
		const { api } = answering({ changes: [{ ...page.changes[0], status: 'teleported' }], next: page.next });
		expect(await api.changes(null)).toMatchObject({ ok: true, value: { changes: [{ status: 'teleported' }] } });
	});

	it.each([
		['an empty next cursor', { ...page, next: '' }, 'next: must not be empty'],
		['a change without a cursor', { changes: [{ ...page.changes[0], cursor: undefined }], next: page.next }, 'changes.0.cursor'],
		['a time that is not one', { changes: [{ ...page.changes[0], at: '23/11/2026' }], next: page.next }, 'changes.0.at: must be an ISO 8601 timestamp'],
		['changes that are not a list', { changes: 'many', next: page.next }, 'changes'],
		['null', null, 'expected object']
	])('an answer with %s is an error naming the request and what was wrong, not a crash', async (_label, body, named) => {
		const { api } = answering(body);
		const answer = await api.changes('0000000000000001');
		expect(answer).toMatchObject({ ok: false, kind: 'http', code: 'bad_response', message: expect.stringContaining(named) });
		expect(answer).toMatchObject({ message: expect.stringContaining('GET /changes?since=0000000000000001') });
	});

	it('passes on the bridge’s error: status, code, message and issues (a cursor it never gave out)', async () => {
		const { api } = answering({ error: { code: 'invalid', message: 'since "9" is not a cursor this bridge gave out.', issues: [{ path: 'since', message: 'must be the `next` value of an earlier answer' }] } }, 400);
		expect(await api.changes('9')).toEqual({
			ok: false,
			kind: 'http',
			status: 400,
			code: 'invalid',
			message: 'since "9" is not a cursor this bridge gave out.',
			issues: [{ path: 'since', message: 'must be the `next` value of an earlier answer' }]
		});
	});

	it('a network failure is offline', async () => {
		const fetch = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof globalThis.fetch;
		expect(await createBridgeApi({ fetch }).changes(null)).toEqual({ ok: false, kind: 'offline', message: 'Failed to fetch' });
	});
});
