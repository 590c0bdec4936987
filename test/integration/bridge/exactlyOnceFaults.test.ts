import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

const DEMO = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer', 'content-type': 'application/json' };
let bridge: RunningBridge;
let token: string;
beforeAll(async () => {
	// A short PMS timeout, so that a "slow" PMS is slower than the bridge waits.
	bridge = await startRunningBridge({ PMS_TIMEOUT_SECONDS: '1' });
	token = await bridge.pairDevice('Faults desk');
});
afterAll(async () => {
	await bridge?.stop();
});

async function faults(plan: unknown) {
	const response = await fetch(`${bridge.baseUrl}/demo-pms/api/v1/_demo/faults`, { method: 'PUT', headers: DEMO, body: JSON.stringify(plan) });
	expect(response.status).toBe(200);
}
async function take(amount: number): Promise<string> {
	const id = paymentId();
	const response = await fetch(`${bridge.baseUrl}/api/v1/payments`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ payments: [{ id, patientId: '7', amount, method: { kind: 'cash' }, payDate: practiceDay(), takenAt: '2026-11-23T15:00:00.000Z' }] })
	});
	expect(((await response.json()) as { results: { outcome: string }[] }).results[0]!.outcome).toBe('accepted');
	return id;
}
async function statusOf(id: string) {
	return ((await (await fetch(`${bridge.baseUrl}/api/v1/payments/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; history: { cause: string }[] });
}
async function until(id: string, status: string, ms = 30_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		const detail = await statusOf(id);
		if (detail.status === status) return detail;
		if (Date.now() > deadline) throw new Error(`${id} is ${detail.status}, not ${status}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
async function landed(id: string): Promise<number> {
	const payments = (await (await fetch(`${bridge.baseUrl}/demo-pms/api/v1/payments?PatNum=7`, { headers: DEMO })).json()) as { PayNote: string }[];
	return payments.filter((p) => p.PayNote.includes(`Paysplit ${id}`)).length;
}

describe('exactly once, against a PMS that misbehaves', () => {
	it('the PMS writes the payment and the answer is lost: the bridge reads it back and does not write it again', async () => {
		await faults({ faults: [{ on: 'POST /payments', kind: 'drop_after_commit' }] });
		const id = await take(1111);
		const detail = await until(id, 'verified');
		expect(detail.history.map((h) => h.cause).join(' | ')).toContain('after an unknown outcome');
		expect(await landed(id)).toBe(1);
	});

	it('the PMS answers later than the bridge waits (and then writes): read back, then one payment', async () => {
		await faults({ faults: [{ on: 'POST /payments', kind: 'timeout', ms: 1_500 }] });
		const id = await take(2222);
		const detail = await until(id, 'verified');
		expect(detail.history.map((h) => h.cause).join(' | ')).toContain('after an unknown outcome');
		// Give the slow write time to land, then make sure it landed once only.
		await new Promise((r) => setTimeout(r, 2_000));
		expect(await landed(id)).toBe(1);
	});

	it('the PMS fails with 500 before writing: retried with backoff, one payment', async () => {
		await faults({ faults: [{ on: 'POST /payments', kind: 'error500', times: 2 }] });
		const id = await take(3333);
		await until(id, 'verified');
		expect(await landed(id)).toBe(1);
	});

	it('a slow PMS (latency on every call) still gets each payment once', async () => {
		await faults({ latencyMs: 150, faults: [] });
		const ids = [await take(4441), await take(4442), await take(4443)];
		for (const id of ids) await until(id, 'verified');
		for (const id of ids) expect(await landed(id)).toBe(1);
		await faults({ latencyMs: 0, faults: [] });
	});
});
