import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

let bridge: RunningBridge;
let token: string;
let managerToken: string;
beforeAll(async () => {
	bridge = await startRunningBridge();
	token = await bridge.pairDevice('Journal desk');
	managerToken = await bridge.managerToken(token, 'Dana');
});
afterAll(async () => {
	await bridge?.stop();
});

// Every call carries the manager session: void needs it (DESIGN §6); the other calls ignore it.
const api = (path: string, init: RequestInit = {}) => fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-manager-token': managerToken } });
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
const detail = async (id: string) => (await (await api(`/payments/${id}`)).json()) as { status: string; reason?: string; history: { status: string; actor: string; cause: string; reason?: string }[] };

async function take(overrides: Record<string, unknown>): Promise<string> {
	const id = paymentId();
	const body = (await (await post('/payments', { payments: [{ id, patientId: '5', amount: 3000, method: { kind: 'cash' }, payDate: practiceDay(), takenAt: '2026-11-23T15:00:00.000Z', ...overrides }] })).json()) as { results: { outcome: string }[] };
	expect(body.results[0]!.outcome).toBe('accepted');
	return id;
}

async function until(id: string, status: string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while ((await detail(id)).status !== status) {
		if (Date.now() > deadline) throw new Error(`payment ${id} never reached ${status} (is ${(await detail(id)).status})`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('a person’s actions on a payment', () => {
	it('voids a card payment waiting for the bank, with the reason and who did it in the history', async () => {
		const id = await take({ method: { kind: 'card', terminalRef: 'T-9', brand: 'Visa', last4: '1111' } });
		await until(id, 'awaiting_clearing');
		const response = await post(`/payments/${id}/void`, { reason: 'Card run twice by mistake', by: 'Maria' });
		expect(response.status).toBe(200);
		const after = await detail(id);
		expect(after.status).toBe('voided');
		expect(after.history.at(-1)).toMatchObject({ status: 'voided', actor: 'device Journal desk (Maria, manager Dana)', reason: 'Card run twice by mistake' });
	});

	it('refuses an action the status does not allow (409, saying why), and changes nothing', async () => {
		const id = await take({});
		await until(id, 'verified');
		const retry = await post(`/payments/${id}/retry`, {});
		expect(retry.status).toBe(409);
		expect(((await retry.json()) as { error: { message: string } }).error.message).toContain('verified');
		expect((await post(`/payments/${id}/void`, { reason: 'no' })).status).toBe(409);
		expect((await detail(id)).status).toBe('verified');
	});

	it('a payment the PMS refuses needs attention; retry tries again; marking it posted by hand ends it', async () => {
		// The demo PMS is told to refuse the next two payments, as Open Dental refuses bad ones.
		const faults = await fetch(`${bridge.baseUrl}/demo-pms/api/v1/_demo/faults`, {
			method: 'PUT',
			headers: { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer', 'content-type': 'application/json' },
			body: JSON.stringify({ faults: [{ on: 'POST /payments', kind: 'refuse', message: 'PayType is invalid.', times: 2 }] })
		});
		expect(faults.status).toBe(200);
		const id = await take({});
		await until(id, 'needs_attention');
		const flagged = await detail(id);
		expect(flagged.reason).toBe('The PMS refused this payment: PayType is invalid.');
		expect((await post(`/payments/${id}/retry`, { by: 'Maria' })).status).toBe(200);
		await until(id, 'needs_attention');
		const statuses = (await detail(id)).history.map((h) => h.status);
		expect(statuses.filter((s) => s === 'needs_attention')).toHaveLength(2);
		expect(statuses).toContain('posting');
		const marked = await post(`/payments/${id}/posted`, { by: 'Maria', pmsReference: 'keyed as payment 812' });
		expect(marked.status).toBe(200);
		const done = await detail(id);
		expect(done.status).toBe('posted_manually');
		expect(done.history.at(-1)).toMatchObject({ actor: 'device Journal desk (Maria)', cause: 'keyed into the PMS by hand (PMS reference keyed as payment 812)' });
	});

	it('refuses a payment dated after tomorrow at intake, naming the date and the window', async () => {
		const id = paymentId();
		const body = (await (await post('/payments', { payments: [{ id, patientId: '5', amount: 3000, method: { kind: 'cash' }, payDate: '2099-01-01', takenAt: '2026-11-23T15:00:00.000Z' }] })).json()) as { results: { outcome: string; error: { issues: { path: string; message: string }[] } }[] };
		expect(body.results[0]!.outcome).toBe('rejected');
		expect(body.results[0]!.error.issues[0]).toMatchObject({ path: 'payDate', message: expect.stringContaining('2099-01-01 is more than 1 day ahead') });
	});

	it.each([
		['1900-01-01', 'more than 365 days ago'],
		['0001-01-01', 'more than 365 days ago'],
		[practiceDay(-366), 'more than 365 days ago'],
		[practiceDay(2), 'more than 1 day ahead']
	])('refuses a payment dated %s, naming the field and the dates the practice accepts', async (payDate, why) => {
		const body = (await (await post('/payments', { payments: [{ id: paymentId(), patientId: '5', amount: 3000, method: { kind: 'cash' }, payDate, takenAt: new Date().toISOString() }] })).json()) as { results: { outcome: string; error: { issues: { path: string; message: string }[] } }[] };
		expect(body.results[0]!.outcome).toBe('rejected');
		expect(body.results[0]!.error.issues[0]).toMatchObject({ path: 'payDate', message: `${payDate} is ${why}: the practice accepts payment dates from ${practiceDay(-365)} to ${practiceDay(1)} (today is ${practiceDay()} in the practice's time zone)` });
	});

	it('accepts payments dated 365 days back and tomorrow; the one dated tomorrow waits for its date, never Needs attention', async () => {
		const old = await take({ payDate: practiceDay(-365) });
		const tomorrow = await take({ payDate: practiceDay(1) });
		await until(old, 'verified');
		const deadline = Date.now() + 15_000;
		while ((await detail(tomorrow)).history.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		await new Promise((r) => setTimeout(r, 1500));
		const waiting = await detail(tomorrow);
		expect(waiting).toMatchObject({ status: 'cleared', reason: `waits for its date (${practiceDay(1)}) before it is written to the PMS` });
		expect(waiting.history.map((h) => h.status)).toEqual(['accepted', 'cleared', 'cleared']);
	});

	it('validates the body: a void needs a reason, marking posted needs who', async () => {
		const id = await take({ method: { kind: 'card', terminalRef: 'T-10', brand: 'Visa', last4: '1111' } });
		const noReason = await post(`/payments/${id}/void`, {});
		expect(noReason.status).toBe(400);
		expect(((await noReason.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('reason');
		expect((await post(`/payments/${id}/posted`, {})).status).toBe(400);
		expect((await post(`/payments/${paymentId()}/void`, { reason: 'x' })).status).toBe(404);
	});
});

describe('GET /changes', () => {
	it('lists every status change in journal order after the cursor, and pages by limit', async () => {
		const all = (await (await api('/changes')).json()) as { changes: { cursor: string; id: string; status: string }[]; next: string };
		expect(all.changes.length).toBeGreaterThan(5);
		const cursors = all.changes.map((c) => c.cursor);
		expect([...cursors].sort()).toEqual(cursors);
		const page = (await (await api(`/changes?since=${cursors[1]}&limit=2`)).json()) as { changes: { cursor: string }[]; next: string };
		expect(page.changes.map((c) => c.cursor)).toEqual(cursors.slice(2, 4));
		expect(page.next).toBe(cursors[3]);
		const rest = (await (await api(`/changes?since=${all.next}`)).json()) as { changes: unknown[]; next: string };
		expect(rest.changes.length).toBeGreaterThanOrEqual(0);
		expect((await api('/changes?since=abc')).status).toBe(400);
		expect((await api('/changes?limit=501')).status).toBe(400);
		expect((await fetch(`${bridge.baseUrl}/api/v1/changes`)).status).toBe(401);
	});

	it('refuses (400, naming since) a cursor past the end of the journal, as after the database was replaced, so the device starts over', async () => {
		const { next } = (await (await api('/changes')).json()) as { next: string };
		const past = String(Number(next) + 1_000_000).padStart(16, '0');
		const refused = await api(`/changes?since=${past}`);
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ error: { code: 'invalid', message: `since "${past}" is not a cursor this bridge gave out.`, issues: [{ path: 'since' }] } });
		expect((await api(`/changes?since=${next}`)).status).toBe(200);
		expect((await api('/changes?since=0000000000000000')).status).toBe(200);
	});
});
