import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startNexFake, type NexFake } from '../../support/demoNexhealth';

/**
 * The fake misbehaves on demand (PUT /_demo/faults, the demo PMS's plans): what a NexHealth connector
 * must survive — a 500, a refusal, an answer slower than it waits (the write made anyway), a write
 * made and its 202 lost, 429 storms, and a write accepted that the PMS then refuses.
 */
let fake: NexFake;
let payment: { patient_id: number; amount: number; payment_type_id: number };

beforeAll(async () => {
	fake = await startNexFake({ emr: 'eaglesoft', syncSeconds: 0.1 });
	const [patient] = (await fake.call('GET', '/patients', { query: { ...fake.scope, per_page: 1 } })).body.data;
	const [type] = (await fake.call('GET', '/payment_types', { query: fake.scope })).body.data;
	payment = { patient_id: patient.id, amount: -42, payment_type_id: type.id };
});
afterEach(async () => {
	expect((await fake.control('PUT', '/_demo/faults', {})).status).toBe(200);
});
afterAll(async () => {
	fake.recorder.assertNoProblems();
	await fake.close();
});

let sequence = 0;
const tid = () => `PAYSPLIT:fault${++sequence}`;
const post = (transactionId: string, signal?: AbortSignal) => fake.call('POST', '/payments', { query: fake.scope, body: { payment: { ...payment, transaction_id: transactionId } }, ...(signal ? { signal } : {}) });
const rowsOf = async (transactionId: string) => (await fake.call('GET', '/payments', { query: { ...fake.scope, transaction_id: transactionId } })).body.data as unknown[];
const plan = (faults: unknown[], extra: Record<string, unknown> = {}) => fake.control('PUT', '/_demo/faults', { faults, ...extra });

describe('injected faults', () => {
	it('error500 answers 500 before doing anything', async () => {
		await plan([{ on: 'POST /payments', kind: 'error500' }]);
		const transactionId = tid();
		const failed = await post(transactionId);
		expect(failed.status).toBe(500);
		expect(failed.body).toMatchObject({ code: false, error: [expect.any(String)] });
		await fake.demo.syncNow();
		expect(await rowsOf(transactionId)).toEqual([]);
		expect((await post(transactionId)).status).toBe(202);
	});

	it('refuse answers 400 with the message given', async () => {
		await plan([{ on: 'POST /payments', kind: 'refuse', message: 'Payment Type with id 11 not found in location 4312' }]);
		const refused = await post(tid());
		expect(refused.status).toBe(400);
		expect(refused.body.error).toEqual(['Payment Type with id 11 not found in location 4312']);
	});

	it('timeout: the caller gives up, and the payment is made anyway', async () => {
		await plan([{ on: 'POST /payments', kind: 'timeout', ms: 300 }]);
		const transactionId = tid();
		await expect(post(transactionId, AbortSignal.timeout(50))).rejects.toThrow(/timeout|abort/i);
		expect(await eventually(async () => ((await rowsOf(transactionId)).length > 0 ? rowsOf(transactionId) : undefined), 5000)).toHaveLength(1);
	});

	it('drop_after_commit: the payment is queued and the 202 lost, as a dropped connection', async () => {
		await plan([{ on: 'POST /payments', kind: 'drop_after_commit' }]);
		const transactionId = tid();
		const error = await post(transactionId).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TypeError);
		expect((error as TypeError).message).toBe('fetch failed');
		expect(((error as TypeError).cause as { code?: string }).code).toBe('ECONNRESET');
		expect(fake.recorder.exchanges.at(-1)?.error).toBe('fetch failed');
		expect(await eventually(async () => ((await rowsOf(transactionId)).length > 0 ? rowsOf(transactionId) : undefined), 5000)).toHaveLength(1);
	});

	it('rate_limit answers a storm of 429s (here three), then lets requests through', async () => {
		await plan([{ on: '*', kind: 'rate_limit', times: 3 }]);
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await fake.call('GET', '/payment_types', { query: fake.scope })).status);
		expect(statuses).toEqual([429, 429, 429, 200]);
	});

	it('rate_limit with a rate hits that share of requests, the same ones for the same seed', async () => {
		const run = async () => {
			await plan([{ on: 'GET /sync_status', kind: 'rate_limit', rate: 0.5 }], { seed: 7 });
			const statuses = [];
			for (let i = 0; i < 40; i++) statuses.push((await fake.call('GET', '/sync_status')).status);
			return statuses;
		};
		const first = await run();
		expect(first.filter((s) => s === 429).length).toBeGreaterThan(10);
		expect(first.filter((s) => s === 429).length).toBeLessThan(30);
		expect(await run()).toEqual(first);
	});

	it('insertion_failed: accepted (202), but the PMS refuses it, so it never lands', async () => {
		await plan([{ on: 'POST /payments', kind: 'insertion_failed' }]);
		const transactionId = tid();
		expect((await post(transactionId)).status).toBe(202);
		await fake.demo.syncNow();
		expect(await rowsOf(transactionId)).toEqual([]);
		const writes = (await fake.control('GET', '/_demo/writes')).body.data as { status: string; body: { transactionId: string }; failure: string | null }[];
		expect(writes.find((w) => w.body.transactionId === transactionId)).toMatchObject({ status: 'failed', failure: expect.stringMatching(/refused/) });
	});

	it('reads back a plan with what is left of it, and refuses a plan it cannot follow', async () => {
		await plan([{ on: 'GET /payments', kind: 'error500', times: 5 }]);
		expect((await fake.control('GET', '/_demo/faults')).body.data.faults).toEqual([{ on: 'GET /payments', kind: 'error500', times: 5 }]);
		for (const bad of [{ faults: [{ on: '*', kind: 'explode' }] }, { faults: [{ on: 'DELETE /payments', kind: 'error500' }] }, { faults: [{ on: '*', kind: 'error500', rate: 2 }] }, { latencyMs: -1 }]) {
			const refused = await fake.control('PUT', '/_demo/faults', bad);
			expect(refused.status, JSON.stringify(bad)).toBe(400);
			expect(refused.body.code).toBe(false);
		}
	});
});
