import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attentionResponseSchema, type AttentionItem } from '$lib/domain/api/attention';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

/*
 * `GET /attention` lists the payments the pipeline stopped on, with the reason, where they stopped
 * and their history; a person then tries again, marks posted or (manager) voids each.
 */

const DEMO = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer', 'content-type': 'application/json' };
const REFUSAL = 'PayType is invalid.';
let bridge: RunningBridge;
let token: string;

beforeAll(async () => {
	bridge = await startRunningBridge();
	token = await bridge.pairDevice('Attention desk');
});
afterAll(async () => {
	await bridge?.stop();
});

const api = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
	fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => api(path, { method: 'POST', body: JSON.stringify(body) }, headers);

async function refuseNext(times: number) {
	const response = await fetch(`${bridge.baseUrl}/demo-pms/api/v1/_demo/faults`, { method: 'PUT', headers: DEMO, body: JSON.stringify({ faults: [{ on: 'POST /payments', kind: 'refuse', message: REFUSAL, times }] }) });
	expect(response.status).toBe(200);
}
async function statusOf(id: string): Promise<{ status: string; history: { status: string; actor: string; cause: string; reason?: string }[] }> {
	return (await (await api(`/payments/${id}`)).json()) as never;
}
async function until(id: string, status: string) {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const now = await statusOf(id);
		if (now.status === status) return now;
		if (Date.now() > deadline) throw new Error(`payment ${id} is ${now.status}, never ${status}`);
		await new Promise((r) => setTimeout(r, 150));
	}
}
async function takeCash(amount: number): Promise<string> {
	const id = paymentId();
	const today = practiceDay();
	const answer = (await (await post('/payments', { payments: [{ id, patientId: '5', amount, method: { kind: 'cash' }, payDate: today, takenAt: new Date().toISOString(), takenBy: 'Maria' }] })).json()) as { results: { outcome: string }[] };
	expect(answer.results[0]?.outcome).toBe('accepted');
	return id;
}
async function attention(): Promise<AttentionItem[]> {
	const response = await api('/attention');
	expect(response.status).toBe(200);
	return attentionResponseSchema.parse(await response.json()).payments;
}

describe('GET /attention and a person’s actions', () => {
	it('needs a paired device', async () => {
		expect((await fetch(`${bridge.baseUrl}/api/v1/attention`)).status).toBe(401);
	});

	it('lists refused payments with the PMS’s reason, where they stopped and their history; retry, mark posted and void take them off', async () => {
		expect(await attention()).toEqual([]);
		await refuseNext(3);
		const retried = await takeCash(1111);
		const keyed = await takeCash(2222);
		const voided = await takeCash(3333);
		for (const id of [retried, keyed, voided]) await until(id, 'needs_attention');

		const listed = await attention();
		expect(listed.map((p) => p.id).sort()).toEqual([retried, keyed, voided].sort());
		const first = listed.find((p) => p.id === retried)!;
		expect(first.reason).toContain(REFUSAL);
		expect(first.stoppedAt).toBe('posting');
		expect(first.payment).toMatchObject({ amount: 1111, patientId: '5', takenBy: 'Maria' });
		expect(first.patientName).toBeTruthy();
		expect(first.pmsPaymentId).toBeNull();
		expect(first.history.map((h) => h.status)).toEqual(['accepted', 'cleared', 'posting', 'needs_attention']);
		// Oldest first.
		expect(listed.map((p) => p.since)).toEqual([...listed.map((p) => p.since)].sort());

		// The refusals are spent: retry posts it, once.
		expect((await post(`/payments/${retried}/retry`, { by: 'Maria' })).status).toBe(200);
		const after = await until(retried, 'verified');
		expect(after.history.find((h) => h.cause === 'retried by a person')?.actor).toContain('Maria');

		// Keyed by hand in the PMS: marked posted, with who.
		expect((await post(`/payments/${keyed}/posted`, { by: 'Maria', pmsReference: '7001' })).status).toBe(200);
		expect((await statusOf(keyed)).status).toBe('posted_manually');

		// Void needs a manager; with one, the reason is kept.
		expect((await post(`/payments/${voided}/void`, { reason: 'taken twice', by: 'Maria' })).status).toBe(403);
		const manager = await bridge.managerToken(token, 'Dana');
		expect((await post(`/payments/${voided}/void`, { reason: 'taken twice', by: 'Maria' }, { 'x-manager-token': manager })).status).toBe(200);
		const voidedNow = await statusOf(voided);
		expect(voidedNow.status).toBe('voided');
		expect(voidedNow.history.at(-1)).toMatchObject({ status: 'voided', reason: 'taken twice' });
		expect(voidedNow.history.at(-1)?.actor).toContain('manager Dana');

		expect(await attention()).toEqual([]);
		const demoPayments = (await (await fetch(`${bridge.baseUrl}/demo-pms/api/v1/payments?PatNum=5`, { headers: DEMO })).json()) as { PayNote: string }[];
		expect(demoPayments.filter((p) => p.PayNote.includes(`Paysplit ${retried}`))).toHaveLength(1);
		expect(demoPayments.filter((p) => p.PayNote.includes(`Paysplit ${keyed}`) || p.PayNote.includes(`Paysplit ${voided}`))).toHaveLength(0);
	});

	it('lists a patient note the PMS refused (the payment itself verified), with the note and the PMS’s message', async () => {
		const manager = await bridge.managerToken(token, 'Dana');
		const current = (await (await api('/settings')).json()) as { settings: Record<string, unknown>; version: number };
		const saved = await api('/settings', { method: 'PUT', body: JSON.stringify({ settings: { ...current.settings, patientNotes: true }, baseVersion: current.version }) }, { 'x-manager-token': manager });
		expect(saved.status).toBe(200);
		const faults = await fetch(`${bridge.baseUrl}/demo-pms/api/v1/_demo/faults`, { method: 'PUT', headers: DEMO, body: JSON.stringify({ faults: [{ on: 'POST /commlogs', kind: 'refuse', message: 'Note is too long.', times: 1 }] }) });
		expect(faults.status).toBe(200);
		const id = await takeCash(5555);
		await until(id, 'verified');
		const deadline = Date.now() + 20_000;
		let listed: { paymentId: string; kind: string; value: string; error: string; amount: number }[] = [];
		while (Date.now() < deadline) {
			listed = attentionResponseSchema.parse(await (await api('/attention')).json()).failedFollowUps;
			if (listed.some((f) => f.paymentId === id)) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		expect(listed.filter((f) => f.paymentId === id)).toEqual([expect.objectContaining({ kind: 'patient_note', amount: 5555, error: expect.stringContaining('Note is too long.') })]);
		expect(listed.find((f) => f.paymentId === id)?.value).toContain(`Paysplit ${id}`);
		expect(await attention()).toEqual([]);
	});

	it('refuses an action the payment’s status does not allow, saying why', async () => {
		const id = await takeCash(4444);
		await until(id, 'verified');
		const response = await post(`/payments/${id}/retry`, {});
		expect(response.status).toBe(409);
		expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/only a payment that needs attention/);
	});
});
