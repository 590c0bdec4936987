import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signProcessorEvent } from '$lib/server/clearing/verifyProcessorSignature';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

const SECRET = 'whsec_integration_0123456789';
let bridge: RunningBridge;
let token: string;
let managerToken: string;

beforeAll(async () => {
	// DEMO_SETTLE_SECONDS=0: the demo processor never settles, so only these tests' reports do.
	bridge = await startRunningBridge({ PROCESSOR_WEBHOOK_SECRET: SECRET, DEMO_SETTLE_SECONDS: '0' });
	token = await bridge.pairDevice('Checkout desk');
	managerToken = await bridge.managerToken(token, 'Dana');
});
afterAll(async () => {
	await bridge?.stop();
});

type Detail = { status: string; reason?: string; history: { status: string; actor: string; cause: string; reason?: string }[] };

const api = (path: string, init: RequestInit = {}, auth: string | null = token) =>
	fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...((init.headers as Record<string, string>) ?? {}) } });

async function detail(id: string): Promise<Detail> {
	return (await (await api(`/payments/${id}`)).json()) as Detail;
}

async function waitForStatus(id: string, status: string | string[], timeoutMs = 15_000): Promise<Detail> {
	const deadline = Date.now() + timeoutMs;
	const wanted = typeof status === 'string' ? [status] : status;
	for (;;) {
		const d = await detail(id);
		if (wanted.includes(d.status) || Date.now() > deadline) return d;
		await new Promise((r) => setTimeout(r, 150));
	}
}

let refs = 0;
const newRef = (prefix = 'TRM') => `${prefix}-${Date.now().toString(36)}-${++refs}`;

/** Written to the PMS (the verifier may already have read it back). */
const IN_PMS = ['posted', 'verified'];
const waitForPms = (id: string) => waitForStatus(id, IN_PMS);

/** Takes a payment through POST /payments and waits until the bridge has it waiting for the processor. */
async function take(method: Record<string, unknown>, amount: number): Promise<string> {
	const id = paymentId();
	const response = await api('/payments', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ payments: [{ id, patientId: '2', amount, method, payDate: practiceDay(), takenAt: '2026-11-23T15:04:05.000Z', takenBy: 'Maria' }] })
	});
	expect(((await response.json()) as { results: { outcome: string }[] }).results[0]!.outcome).toBe('accepted');
	expect((await waitForStatus(id, 'awaiting_clearing')).status).toBe('awaiting_clearing');
	return id;
}
const takeCard = (terminalRef: string, amount: number) => take({ kind: 'card', terminalRef, brand: 'Visa', last4: '4242' }, amount);

let events = 0;
function processorEvent(reference: string, amount: number, type = 'payment.settled', extra: Record<string, unknown> = {}) {
	return { id: `evt_${Date.now().toString(36)}_${++events}`, type, reference, amount, occurredAt: '2026-11-23T18:00:00Z', ...extra };
}

/** Sends `body` as the processor would: signed with the shared secret at `t` (now by default). */
function sendEvent(body: unknown, options: { t?: number; secret?: string; signature?: string | null } = {}) {
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	const t = options.t ?? Math.floor(Date.now() / 1000);
	const signature = options.signature === undefined ? signProcessorEvent(options.secret ?? SECRET, t, raw) : options.signature;
	return fetch(`${bridge.baseUrl}/api/v1/processor/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'paysplit-signature': signature }) }, body: raw });
}

/** Imports a settlement file as a manager (DESIGN §6: the import needs a manager session). */
function importCsv(text: string, auth: string | null = token, type = 'text/csv', manager: string | null = managerToken) {
	return api('/settlements', { method: 'POST', headers: { 'content-type': type, ...(manager ? { 'x-manager-token': manager } : {}) }, body: text }, auth);
}

describe('POST /processor/events', () => {
	it('a card payment waits in awaiting_clearing until a signed payment.settled clears it, and then it is posted', async () => {
		const ref = newRef();
		const id = await takeCard(ref, 12500);
		await new Promise((r) => setTimeout(r, 1_500));
		expect((await detail(id)).status).toBe('awaiting_clearing');
		const response = await sendEvent(processorEvent(ref, 12500, 'payment.settled', { fee: 393 }));
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ duplicate: false, outcome: 'matched', applied: true, paymentId: id });
		const posted = await waitForPms(id);
		expect(IN_PMS).toContain(posted.status);
		expect(posted.history.map((h) => h.status).slice(0, 5)).toEqual(['accepted', 'awaiting_clearing', 'cleared', 'posting', 'posted']);
		expect(posted.history[2]).toMatchObject({ actor: 'processor' });
	});

	it('applies an event id once: the same event again answers {duplicate: true} and changes nothing', async () => {
		const ref = newRef();
		const id = await takeCard(ref, 2200);
		const event = processorEvent(ref, 2200);
		const [first, second] = await Promise.all([sendEvent(event), sendEvent(event)]);
		const answers = [await first!.json(), await second!.json()] as { duplicate: boolean }[];
		expect([first!.status, second!.status]).toEqual([200, 200]);
		expect(answers.filter((a) => a.duplicate)).toHaveLength(1);
		const third = await sendEvent(event);
		expect(await third.json()).toEqual({ duplicate: true, eventId: event.id });
		expect(IN_PMS).toContain((await waitForPms(id)).status);
		expect((await detail(id)).history.filter((h) => h.status === 'cleared')).toHaveLength(1);
	});

	it.each([
		['a wrong secret', { secret: 'not-the-shared-secret-at-all' }, 'does not match'],
		['no signature', { signature: null }, 'missing'],
		['a timestamp 6 minutes old', { t: Math.floor(Date.now() / 1000) - 360 }, 's old'],
		['a garbled header', { signature: 't=abc,v1=zz' }, 't "abc"']
	])('answers 401 to an event with %s, and changes nothing', async (_label, options, message) => {
		const ref = newRef();
		const id = await takeCard(ref, 1500);
		const response = await sendEvent(processorEvent(ref, 1500), options);
		expect(response.status).toBe(401);
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('bad_signature');
		expect(body.error.message).toContain(message);
		await new Promise((r) => setTimeout(r, 300));
		expect((await detail(id)).status).toBe('awaiting_clearing');
	});

	it('refuses a signed body that is not an event with 400, naming the bad fields', async () => {
		const response = await sendEvent({ id: 'evt_bad', type: 'payment.refunded', reference: 'x', amount: 12.5, occurredAt: 'now' });
		expect(response.status).toBe(400);
		const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
		expect(body.error.code).toBe('invalid_event');
		expect(body.error.issues.map((i) => i.path).sort()).toEqual(['amount', 'occurredAt', 'type']);
		expect((await sendEvent('{"id": ')).status).toBe(400);
	});

	it('sends an amount that differs from the one taken to needs_attention, with a reason staff can act on', async () => {
		const ref = newRef();
		const id = await takeCard(ref, 12500);
		const answer = await (await sendEvent(processorEvent(ref, 12000))).json();
		expect(answer).toMatchObject({ outcome: 'mismatched', applied: true });
		const d = await detail(id);
		expect(d.status).toBe('needs_attention');
		expect(d.reason).toContain('The processor settled $120.00 but $125.00 was taken');
		expect(d.reason).toContain('check the terminal receipt, then retry or void');
	});

	it.each([
		['payment.declined', 'The card was declined by the processor'],
		['payment.returned', 'The processor reports the card payment returned']
	])('sends a card payment the processor reports as %s to needs_attention', async (type, reason) => {
		const ref = newRef();
		const id = await takeCard(ref, 4000);
		expect(await (await sendEvent(processorEvent(ref, 4000, type))).json()).toMatchObject({ applied: true });
		const d = await detail(id);
		expect(d.status).toBe('needs_attention');
		expect(d.reason).toContain(reason);
		expect(d.history.at(-1)).toMatchObject({ actor: 'processor' });
	});

	it('answers 200 for an event about a payment Paysplit never saw, so the processor does not retry it', async () => {
		expect(await (await sendEvent(processorEvent('never-entered', 100))).json()).toMatchObject({ outcome: 'unmatched', applied: false });
	});
});

describe('POST /settlements', () => {
	it('imports a settlement file with a report per row, matching cards by terminal reference and ACH by reference', async () => {
		const cardRef = newRef();
		const achRef = newRef('ACH');
		const wrongRef = newRef();
		const cardId = await takeCard(cardRef, 12550);
		const achId = await take({ kind: 'ach', reference: achRef }, 30000);
		const wrongId = await takeCard(wrongRef, 5000);
		const file = [
			'reference,amount,settled_at,fee',
			`${cardRef},125.50,2026-11-23,3.94`,
			`"${achRef}","300.00",2026-11-23T20:00:00Z,2.40`,
			`${wrongRef},49.99,2026-11-23,`,
			'unknown-ref,10.00,2026-11-23,',
			`${cardRef},12.345,2026-11-23,`
		].join('\r\n');
		const response = await importCsv(file);
		expect(response.status).toBe(200);
		const report = (await response.json()) as { rows: { line: number; reference: string; outcome: string; paymentId?: string; message: string }[]; totals: Record<string, number> };
		expect(report.rows.map((r) => [r.line, r.outcome, r.paymentId ?? null])).toEqual([
			[2, 'matched', cardId],
			[3, 'matched', achId],
			[4, 'mismatched', wrongId],
			[5, 'unmatched', null],
			[6, 'invalid', null]
		]);
		expect(report.rows[4]!.message).toContain('fractions of a cent');
		expect(report.totals).toEqual({ matched: 2, unmatched: 1, mismatched: 1, invalid: 1, already_settled: 0 });
		expect(IN_PMS).toContain((await waitForPms(cardId)).status);
		expect(IN_PMS).toContain((await waitForPms(achId)).status);
		const wrong = await detail(wrongId);
		expect(wrong.status).toBe('needs_attention');
		expect(wrong.reason).toContain('The processor settled $49.99 but $50.00 was taken');
		expect((await detail(cardId)).history.find((h) => h.status === 'cleared')).toMatchObject({ actor: 'settlement import (Checkout desk, manager Dana)', cause: 'settlement file, line 2: payment settled' });

		// The same file again: nothing changes.
		const again = (await (await importCsv(file)).json()) as { rows: { outcome: string }[] };
		expect(again.rows.map((r) => r.outcome)).toEqual(['already_settled', 'already_settled', 'mismatched', 'unmatched', 'invalid']);
		expect((await detail(cardId)).history.filter((h) => h.status === 'cleared')).toHaveLength(1);
		expect((await detail(wrongId)).history.filter((h) => h.status === 'needs_attention')).toHaveLength(1);
	});

	it('needs a paired device (401), a CSV body (415) and the right header (400)', async () => {
		expect((await importCsv('reference,amount,settled_at,fee\n', null)).status).toBe(401);
		const noManager = await importCsv('reference,amount,settled_at,fee\n', token, 'text/csv', null);
		expect(noManager.status).toBe(403);
		expect(((await noManager.json()) as { error: { code: string } }).error.code).toBe('manager_required');
		const wrongType = await importCsv('reference,amount,settled_at,fee\n', token, 'application/json');
		expect(wrongType.status).toBe(415);
		const badHeader = await importCsv('ref,amount\nx,1\n');
		expect(badHeader.status).toBe(400);
		const body = (await badHeader.json()) as { error: { code: string; message: string } };
		expect(body.error).toMatchObject({ code: 'bad_header' });
		expect(body.error.message).toContain('reference,amount,settled_at,fee');
	});

	it('refuses a file over 2 MB with 413', async () => {
		const big = 'reference,amount,settled_at,fee\n' + 'x'.repeat(2 * 1_048_576 + 10);
		const response = await importCsv(big);
		expect(response.status).toBe(413);
	});
});

describe('a bridge without PROCESSOR_WEBHOOK_SECRET', () => {
	let plain: RunningBridge;
	beforeAll(async () => {
		plain = await startRunningBridge({ DEMO_SETTLE_SECONDS: '0' });
	});
	afterAll(async () => {
		await plain?.stop();
	});

	it('answers processor events with 503, naming the variable to set', async () => {
		const raw = JSON.stringify(processorEvent('x', 100));
		const response = await fetch(`${plain.baseUrl}/api/v1/processor/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'paysplit-signature': signProcessorEvent(SECRET, Math.floor(Date.now() / 1000), raw) }, body: raw });
		expect(response.status).toBe(503);
		expect(((await response.json()) as { error: { message: string } }).error.message).toContain('PROCESSOR_WEBHOOK_SECRET');
	});
});
