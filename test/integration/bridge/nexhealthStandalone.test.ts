import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';
import { startRunningDemoNexhealth, type RunningDemoNexhealth } from '../../support/runningDemoNexhealth';

/**
 * `npm run demo-nexhealth` runs the NexHealth-compatible fake alone and prints the settings for a
 * bridge; a bridge started with PMS=nexhealth and those settings writes to it over the network, as it
 * would to NexHealth (issue 14).
 */
let fake: RunningDemoNexhealth;
let bridge: RunningBridge;
let token: string;

beforeAll(async () => {
	fake = await startRunningDemoNexhealth(await freePort(), { DEMO_EMR: 'eaglesoft', DEMO_SYNC_SECONDS: '1' });
	bridge = await startRunningBridge({ PMS: 'nexhealth', ...fake.bridgeEnv });
	token = await bridge.pairDevice('Eaglesoft desk');
}, 120_000);
afterAll(async () => {
	await bridge?.stop();
	await fake?.stop();
});

describe('a bridge with PMS=nexhealth, on the demo NexHealth run alone', () => {
	it('names Eaglesoft behind NexHealth, and a payment taken there is verified in its ledger', async () => {
		expect(bridge.output()).toContain('with Eaglesoft, through NexHealth');
		const health = (await (await fetch(`${bridge.baseUrl}/api/v1/health`)).json()) as { pms: unknown };
		expect(health.pms).toEqual({ name: 'nexhealth', connector: 'nexhealth', emr: 'Eaglesoft', writes: 'open' });
		const api = (path: string, init: RequestInit = {}) => fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
		const feed = (await (await api('/patients')).json()) as { families: { guarantorId: string; balance: number }[] };
		const family = feed.families.find((f) => f.balance > 3000)!;
		const id = paymentId();
		const sent = (await (await api('/payments', { method: 'POST', body: JSON.stringify({ payments: [{ id, patientId: family.guarantorId, amount: 3000, method: { kind: 'check', checkNumber: '2048' }, payDate: practiceDay(), takenAt: new Date().toISOString() }] }) })).json()) as { results: { outcome: string }[] };
		expect(sent.results[0]?.outcome).toBe('accepted');
		const deadline = Date.now() + 60_000;
		let detail = (await (await api(`/payments/${id}`)).json()) as { status: string; reason?: string; history: { status: string }[] };
		while (detail.status !== 'verified' && detail.status !== 'needs_attention' && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 300));
			detail = (await (await api(`/payments/${id}`)).json()) as typeof detail;
		}
		expect(detail.status, detail.reason).toBe('verified');
		expect(detail.history.map((h) => h.status)).toEqual(['accepted', 'cleared', 'posting', 'submitted', 'posted', 'verified']);
	});
});
