import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

const DEMO_PMS = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer' };
let bridge: RunningBridge;
let token: string;

beforeAll(async () => {
	bridge = await startRunningBridge();
	token = await bridge.pairDevice();
});
afterAll(async () => {
	await bridge?.stop();
});

const api = (path: string, init: RequestInit & { auth?: string | null } = {}) => {
	const headers: Record<string, string> = { 'content-type': 'application/json', ...((init.headers as Record<string, string>) ?? {}) };
	const auth = init.auth === undefined ? token : init.auth;
	if (auth) headers.authorization = `Bearer ${auth}`;
	return fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers });
};
const post = (payments: unknown, auth?: string | null) => api('/payments', { method: 'POST', body: JSON.stringify({ payments }), ...(auth === undefined ? {} : { auth }) });

function cash(overrides: Record<string, unknown> = {}) {
	return { id: paymentId(), patientId: '2', amount: 4250, method: { kind: 'cash' }, payDate: practiceDay(), takenAt: '2026-11-23T15:04:05.000Z', takenBy: 'Maria', ...overrides };
}

async function demoPayments(): Promise<{ PayNum: number; PayNote: string; PayAmt: string }[]> {
	return (await (await fetch(`${bridge.baseUrl}/demo-pms/api/v1/payments`, { headers: DEMO_PMS })).json()) as never;
}

/** The demo ledger's payments once the bridge has finished posting what earlier tests sent. */
async function settledDemoPayments(): Promise<{ PayNum: number; PayNote: string; PayAmt: string }[]> {
	let before = await demoPayments();
	for (;;) {
		await new Promise((r) => setTimeout(r, 400));
		const after = await demoPayments();
		if (after.length === before.length) return after;
		before = after;
	}
}

async function waitForStatus(id: string, status: string): Promise<{ status: string }> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const detail = (await (await api(`/payments/${id}`)).json()) as { status: string };
		if (detail.status === status || Date.now() > deadline) return detail;
		await new Promise((r) => setTimeout(r, 150));
	}
}

describe('health and authentication', () => {
	it('answers GET /health without a token', async () => {
		const response = await fetch(`${bridge.baseUrl}/api/v1/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', service: 'paysplit-bridge', pms: { name: 'demo' } });
	});

	it.each([
		['no token', null],
		['an unknown token', 'x'.repeat(43)],
		['a malformed header', 'not a token!']
	])('refuses every other call with %s (401, the error body of DESIGN §6)', async (_label, auth) => {
		for (const [path, init] of [
			['/payments', { method: 'POST', body: JSON.stringify({ payments: [cash()] }) }],
			['/patients', {}],
			[`/payments/${paymentId()}`, {}]
		] as const) {
			const response = await api(path, { ...init, auth });
			expect(response.status, path).toBe(401);
			const body = (await response.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('unauthorized');
		}
	});
});

describe('pairing', () => {
	const pair = (body: unknown) => fetch(`${bridge.baseUrl}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	it('exchanges a one-time code for a device id and a token, once', async () => {
		const code = await bridge.pairingCode();
		const first = await pair({ code, name: 'Checkout iPad' });
		expect(first.status).toBe(201);
		const body = (await first.json()) as { deviceId: string; token: string };
		expect(body.deviceId).toMatch(/^[0-9a-f-]{36}$/);
		expect(body.token.length).toBeGreaterThanOrEqual(32);
		expect((await api('/patients', { auth: body.token })).status).toBe(200);
		const again = await pair({ code, name: 'Another' });
		expect(again.status).toBe(410);
		expect(((await again.json()) as { error: { code: string } }).error.code).toBe('used');
	});

	it('accepts the code as staff type it: lower case, spaces or no dash', async () => {
		const code = (await bridge.pairingCode()).replace('-', ' ').toLowerCase();
		expect((await pair({ code, name: 'Desk 2' })).status).toBe(201);
	});

	it('refuses an unknown code (401) and a malformed request (400 naming the fields)', async () => {
		expect((await pair({ code: 'ABCD-EFGH', name: 'x' })).status).toBe(401);
		const bad = await pair({ code: 12, name: '' });
		expect(bad.status).toBe(400);
		const body = (await bad.json()) as { error: { issues: { path: string }[] } };
		expect(body.error.issues.map((i) => i.path).sort()).toEqual(['code', 'name']);
	});

	it('stores tokens hashed: the token appears nowhere in the data folder', async () => {
		const { readdirSync, readFileSync, statSync } = await import('node:fs');
		const { join } = await import('node:path');
		const needle = Buffer.from(token);
		const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
		const hits = walk(bridge.dataDir).filter((file) => readFileSync(file).includes(needle));
		expect(hits).toEqual([]);
	});
});

describe('POST /payments', () => {
	it('journals a payment once: the same batch twice gives accepted then duplicate, and one payment in the demo ledger', async () => {
		const payment = cash({ amount: 6150 });
		const first = (await (await post([payment])).json()) as { results: unknown[] };
		expect(first.results).toEqual([{ id: payment.id, outcome: 'accepted', status: 'accepted' }]);
		expect((await waitForStatus(payment.id, 'verified')).status).toBe('verified');
		const second = (await (await post([payment])).json()) as { results: unknown[] };
		expect(second.results).toEqual([{ id: payment.id, outcome: 'duplicate', status: 'verified' }]);
		// A repeat that differs only in takenAt and preview is the same payment.
		const third = (await (await post([{ ...payment, takenAt: '2026-11-23T16:00:00.000Z', preview: [] }])).json()) as { results: { outcome: string }[] };
		expect(third.results[0]!.outcome).toBe('duplicate');
		await new Promise((r) => setTimeout(r, 500));
		const ours = (await demoPayments()).filter((p) => p.PayNote.includes(`Paysplit ${payment.id}`));
		expect(ours).toHaveLength(1);
		expect(ours[0]!.PayAmt).toBe('61.50');
	});

	it('answers conflict for the same id with another amount, and changes nothing', async () => {
		const payment = cash({ amount: 1000 });
		await post([payment]);
		const response = (await (await post([{ ...payment, amount: 1001 }])).json()) as { results: { outcome: string; error?: { code: string } }[] };
		expect(response.results[0]).toMatchObject({ id: payment.id, outcome: 'conflict', error: { code: 'conflict' } });
		const detail = (await (await api(`/payments/${payment.id}`)).json()) as { payment: { amount: number } };
		expect(detail.payment.amount).toBe(1000);
	});

	it('rejects malformed items naming each bad field, and an unknown patient, while accepting the good item of the batch', async () => {
		const good = cash();
		const malformed = { id: paymentId(), patientId: '', amount: 12.5, method: { kind: 'check' }, payDate: '2026-13-01', takenAt: 'today', note: 'card 4242 4242 4242 4242', extra: true };
		const unknown = cash({ patientId: '999999' });
		const body = (await (await post([malformed, good, unknown, 'not an object'])).json()) as { results: { id: string | null; outcome: string; error?: { code: string; issues: { path: string }[] } }[] };
		expect(body.results).toHaveLength(4);
		const [bad, ok, missing, junk] = body.results;
		expect(bad!.outcome).toBe('rejected');
		expect(bad!.id).toBe(malformed.id);
		expect(bad!.error!.code).toBe('invalid');
		expect(bad!.error!.issues.map((i) => i.path).sort()).toEqual(['(root)', 'amount', 'method.checkNumber', 'note', 'patientId', 'payDate', 'takenAt'].sort());
		expect(ok).toEqual({ id: good.id, outcome: 'accepted', status: 'accepted' });
		expect(missing).toMatchObject({ id: unknown.id, outcome: 'rejected', error: { code: 'unknown_patient', issues: [{ path: 'patientId' }] } });
		expect(junk).toMatchObject({ id: null, outcome: 'rejected', error: { code: 'invalid' } });
		// Nothing was written for the refused items.
		expect((await api(`/payments/${malformed.id}`)).status).toBe(404);
		expect((await api(`/payments/${unknown.id}`)).status).toBe(404);
	});

	it('a NUL, a lone surrogate, or a card number in any spelling refuses only its own payment, naming the field; the ones after it are journaled (issue 13)', async () => {
		const hostile: [Record<string, unknown>, string][] = [
			[cash({ note: 'pasted\u0000text' }), 'note'],
			[cash({ takenBy: 'Mar\ud800ia' }), 'takenBy'],
			[cash({ method: { kind: 'check', checkNumber: '10\t42' } }), 'method.checkNumber'],
			[cash({ note: 'card 4111.1111.1111.1111' }), 'note'],
			[cash({ note: 'card 4111/1111/1111/1111' }), 'note'],
			[cash({ note: 'card 4111\t1111\n1111  1111' }), 'note'],
			[cash({ note: 'card 4111\u00a01111\u00a01111\u00a01111' }), 'note'],
			[cash({ note: 'card ４１１１ １１１１ １１１１ １１１１' }), 'note'],
			[cash({ method: { kind: 'ach', reference: '5555-5555-5555-4444' } }), 'method.reference'],
			[cash({ method: { kind: 'card', terminalRef: 'T 3782 822463 10005', brand: 'Amex', last4: '0005' } }), 'method.terminalRef']
		];
		const after = cash();
		const body = (await (await post([...hostile.map(([p]) => p), after])).json()) as { results: { id: string; outcome: string; error?: { issues: { path: string; message: string }[] } }[] };
		expect(body.results).toHaveLength(hostile.length + 1);
		for (const [index, [payment, path]] of hostile.entries()) {
			expect(body.results[index], `item ${index}`).toMatchObject({ id: payment.id, outcome: 'rejected', error: { issues: [{ path }] } });
			expect(JSON.stringify(body.results[index])).not.toMatch(/4111|5555|3782/);
			expect((await api(`/payments/${String(payment.id)}`)).status).toBe(404);
		}
		expect(body.results.at(-1)).toEqual({ id: after.id, outcome: 'accepted', status: 'accepted' });
	});

	it('refuses a payment for a clinic or a pay-first procedure the practice does not have', async () => {
		const body = (await (await post([cash({ clinicId: '77' }), cash({ allocation: { payFirst: ['999999'] } })])).json()) as { results: { outcome: string; error: { issues: { path: string }[] } }[] };
		expect(body.results[0]!.error.issues[0]!.path).toBe('clinicId');
		expect(body.results[1]!.error.issues[0]!.path).toBe('allocation.payFirst[0]');
	});

	it.each([
		['not JSON', '{payments: [', 400, 'invalid_json'],
		['a list instead of an object', '[]', 400, 'invalid_envelope'],
		['payments that is not a list', '{"payments": "x"}', 400, 'invalid_envelope'],
		['an unknown envelope field', '{"payments": [], "force": true}', 400, 'invalid_envelope']
	])('refuses %s with 400 and writes nothing', async (_label, text, status, code) => {
		const before = (await settledDemoPayments()).length;
		const response = await api('/payments', { method: 'POST', body: text });
		expect(response.status).toBe(status);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
		expect((await settledDemoPayments()).length).toBe(before);
	});

	it('refuses more than 100 payments, or a body over 1 MB, with 413 and writes nothing', async () => {
		const many = Array.from({ length: 101 }, () => cash());
		const tooMany = await post(many);
		expect(tooMany.status).toBe(413);
		expect((await api(`/payments/${many[0]!.id}`)).status).toBe(404);
		const huge = await api('/payments', { method: 'POST', body: JSON.stringify({ payments: [cash({ note: 'x'.repeat(1_100_000) })] }) });
		expect(huge.status).toBe(413);
	});

	it('answers GET /payments/:id with the history, and 404 for an unknown id', async () => {
		const payment = cash({ method: { kind: 'check', checkNumber: '1042' } });
		await post([payment]);
		const detail = (await waitForStatus(payment.id, 'verified')) as unknown as { status: string; history: { status: string; actor: string }[] };
		expect(detail.history.map((h) => h.status)).toEqual(['accepted', 'cleared', 'posting', 'posted', 'verified']);
		expect(detail.history[0]!.actor).toBe('device Test desk (Maria)');
		// Read back from the PMS: its splits, Paysplit's own allocation, and whether they agree.
		const full = detail as unknown as { splits: { amount: number }[]; allocation: { amount: number; reason: string }[]; matchesAllocation: boolean; pmsPaymentId: string };
		expect(full.splits.reduce((sum, s) => sum + s.amount, 0)).toBe(4250);
		expect(full.allocation.reduce((sum, s) => sum + s.amount, 0)).toBe(4250);
		expect(full.allocation.every((s) => s.reason.length > 0)).toBe(true);
		expect(full.matchesAllocation).toBe(true);
		expect(full.pmsPaymentId).toMatch(/^\d+$/);
		expect((await api(`/payments/${paymentId()}`)).status).toBe(404);
		expect((await api('/payments/not-a-uuid')).status).toBe(400);
	});

	it('keeps card payments waiting for the bank instead of posting them', async () => {
		const payment = cash({ method: { kind: 'card', terminalRef: 'T-778', brand: 'Visa', last4: '4242' } });
		await post([payment]);
		expect((await waitForStatus(payment.id, 'awaiting_clearing')).status).toBe('awaiting_clearing');
	});
});

describe('GET /patients', () => {
	it('sends every patient and family ledger first, then only what changed since the cursor', async () => {
		const first = (await (await api('/patients')).json()) as { patients: unknown[]; families: { ledger: { procedures: unknown[] }; balance: number }[]; next: string; asOf: string; removed: unknown[] };
		expect(first.patients.length).toBeGreaterThanOrEqual(40);
		expect(first.families.length).toBeGreaterThanOrEqual(15);
		expect(first.families.every((f) => Number.isSafeInteger(f.balance))).toBe(true);
		expect(first.removed).toEqual([]);
		const again = (await (await api(`/patients?since=${first.next}`)).json()) as { patients: unknown[]; families: unknown[] };
		// Payments posted by earlier tests may change a family or two, never every patient.
		expect(again.patients.length).toBeLessThan(first.patients.length);
		expect((await api('/patients?since=yesterday')).status).toBe(400);
	});
});
