import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEXHEALTH_API_KEY } from '$lib/server/demo-nexhealth/createDemoNexhealth';
import { nexTransactionId } from '$lib/server/connectors/nexhealth/nexTransactionId';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

/**
 * The NexHealth route end to end (issue 14): the built bridge with a demo Dentrix practice behind the
 * NexHealth-compatible fake, written to through the real connector over HTTP. What NexHealth does to
 * a payment — a lost 202, an expired token, a 429 storm, a red write side — delays it and fails none,
 * and a payment is never written twice.
 */
let bridge: RunningBridge;
let token: string;
const ENV = { DEMO_EMR: 'dentrix', DEMO_SYNC_SECONDS: '1', DEMO_SETTLE_SECONDS: '0', PMS_TIMEOUT_SECONDS: '2' };

beforeAll(async () => {
	bridge = await startRunningBridge(ENV);
	token = await bridge.pairDevice('NexHealth desk');
}, 120_000);
afterAll(async () => {
	await bridge?.stop();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
/** The fake's own controls (not NexHealth's API), with its API key. */
const control = (method: string, path: string, body?: unknown) =>
	fetch(`${bridge.baseUrl}/demo-nexhealth/_demo/${path}`, { method, headers: { authorization: DEMO_NEXHEALTH_API_KEY, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function families(): Promise<{ guarantorId: string; balance: number }[]> {
	const feed = (await (await api('/patients')).json()) as { families: { guarantorId: string; balance: number }[] };
	return feed.families;
}

async function takeCash(patientId: string, amount: number): Promise<string> {
	const id = paymentId();
	const body = (await (await api('/payments', { method: 'POST', body: JSON.stringify({ payments: [{ id, patientId, amount, method: { kind: 'cash' }, payDate: practiceDay(), takenAt: new Date().toISOString(), takenBy: 'Maria' }] }) })).json()) as { results: { outcome: string }[] };
	expect(body.results[0]?.outcome).toBe('accepted');
	return id;
}

async function detail(id: string): Promise<{ status: string; reason?: string; pmsPaymentIds?: string[]; history: { status: string }[] }> {
	return (await (await api(`/payments/${id}`)).json()) as never;
}

async function until(id: string, status: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const now = await detail(id);
		if (now.status === status) return;
		if (now.status === 'needs_attention' || Date.now() > deadline) throw new Error(`payment ${id} is ${now.status} (${now.reason ?? ''}), not ${status}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** The rows the fake's PMS holds for a payment, read through NexHealth's API by its transaction id. */
async function rowsInPms(id: string): Promise<number[]> {
	const auth = (await (await fetch(`${bridge.baseUrl}/demo-nexhealth/authenticates`, { method: 'POST', headers: { authorization: DEMO_NEXHEALTH_API_KEY, 'nex-api-version': 'v3.0.0' } })).json()) as { data: { token: string } };
	const headers = { authorization: `Bearer ${auth.data.token}`, 'nex-api-version': 'v3.0.0' };
	const locations = (await (await fetch(`${bridge.baseUrl}/demo-nexhealth/locations`, { headers })).json()) as { data: { subdomain: string; locations: { id: number }[] }[] };
	const institution = locations.data[0]!;
	const query = new URLSearchParams({ subdomain: institution.subdomain, location_id: String(institution.locations[0]!.id), transaction_id: nexTransactionId(id), per_page: '1000' });
	const payments = (await (await fetch(`${bridge.baseUrl}/demo-nexhealth/payments?${query}`, { headers })).json()) as { data: { payment_amount: { amount: string } }[] };
	return payments.data.map((p) => Math.round(-Number(p.payment_amount.amount) * 100));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the NexHealth route (Dentrix demo practice, the fake over HTTP through the real connector)', () => {
	it('a payment is sent (submitted), shows in the PMS on the next cycle, and is verified with its rows', async () => {
		const family = (await families()).find((f) => f.balance > 4000)!;
		const id = await takeCash(family.guarantorId, 4000);
		await until(id, 'verified');
		const verified = await detail(id);
		expect(verified.history.map((h) => h.status)).toEqual(['accepted', 'cleared', 'posting', 'submitted', 'posted', 'verified']);
		expect(sum(await rowsInPms(id))).toBe(4000);
		expect(verified.pmsPaymentIds?.length).toBe((await rowsInPms(id)).length);
	});

	it('a 202 lost after the write, then the bridge killed and restarted: looked for, found, never written twice', async () => {
		expect((await control('PUT', 'faults', { faults: [{ on: 'POST /payments', kind: 'drop_after_commit', times: 1 }] })).status).toBe(200);
		const family = (await families())[1]!;
		const id = await takeCash(family.guarantorId, 2345);
		const deadline = Date.now() + 20_000;
		while ((await detail(id)).status !== 'posting' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		await new Promise((r) => setTimeout(r, 500));
		await bridge.kill();
		bridge = await startRunningBridge(ENV, 'http', undefined, { port: bridge.port, dataDir: bridge.dataDir });
		await until(id, 'verified');
		expect(sum(await rowsInPms(id))).toBe(2345);
		// The fake's record of the writes NexHealth accepted: one for this payment.
		const writes = (await (await control('GET', 'writes')).json()) as { data: { body: { transactionId?: string }; status: string }[] };
		expect(writes.data.filter((w) => w.body.transactionId === nexTransactionId(id)).map((w) => w.status)).toEqual(['landed']);
	}, 120_000);

	it('an expired token and a 429 storm delay payments and fail none', async () => {
		expect((await control('PUT', 'settings', { token_ttl_seconds: 1 })).status).toBe(200);
		expect((await control('PUT', 'faults', { seed: 7, faults: [{ on: '*', kind: 'rate_limit', rate: 0.3, times: 30 }] })).status).toBe(200);
		const ids: string[] = [];
		for (const [index, family] of (await families()).slice(2, 6).entries()) {
			ids.push(await takeCash(family.guarantorId, 1000 + index));
			await new Promise((r) => setTimeout(r, 700));
		}
		for (const id of ids) await until(id, 'verified', 90_000);
		await control('PUT', 'settings', { token_ttl_seconds: 3600 });
		await control('PUT', 'faults', { faults: [] });
		for (const [index, id] of ids.entries()) expect(sum(await rowsInPms(id))).toBe(1000 + index);
	}, 150_000);

	it('while the write side is red a payment waits, cleared, the health answer says why; it is written when it turns green', async () => {
		expect((await control('PUT', 'sync_status', { write: 'red' })).status).toBe(200);
		const family = (await families())[6]!;
		const id = await takeCash(family.guarantorId, 777);
		const deadline = Date.now() + 30_000;
		let waiting = await detail(id);
		while (!(waiting.status === 'cleared' && waiting.reason) && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 250));
			waiting = await detail(id);
		}
		expect(waiting.status).toBe('cleared');
		expect(waiting.reason).toMatch(/Dentrix is not taking/);
		const health = (await (await fetch(`${bridge.baseUrl}/api/v1/health`)).json()) as { pms: { writes: string; reason?: string } };
		expect(health.pms).toMatchObject({ writes: 'paused', reason: expect.stringMatching(/Dentrix/) });
		expect(await rowsInPms(id)).toEqual([]);
		expect((await control('PUT', 'sync_status', { write: 'green' })).status).toBe(200);
		await until(id, 'verified', 60_000);
		expect(sum(await rowsInPms(id))).toBe(777);
		expect((await detail(id)).history.map((h) => h.status)).not.toContain('needs_attention');
	}, 120_000);
});
