import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PracticeSettings } from '$lib/domain/settings/practiceSettings';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

const DEMO = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer' };
let bridge: RunningBridge;
let token: string;

beforeAll(async () => {
	bridge = await startRunningBridge();
	token = await bridge.pairDevice('Manager desk');
});
afterAll(async () => {
	await bridge?.stop();
});

const api = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}, device = token) =>
	fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${device}`, 'content-type': 'application/json', ...headers } });
const demo = async <T>(path: string) => (await (await fetch(`${bridge.baseUrl}/demo-pms/api/v1${path}`, { headers: DEMO })).json()) as T;
const session = (pin: string, device = token) => api('/manager/session', { method: 'POST', body: JSON.stringify({ pin, name: 'Dana' }) }, {}, device);
const put = (settings: PracticeSettings, baseVersion: number, manager: string) => api('/settings', { method: 'PUT', body: JSON.stringify({ settings, baseVersion }) }, { 'x-manager-token': manager });

async function detail(id: string) {
	return (await (await api(`/payments/${id}`)).json()) as { status: string; history: { status: string; actor: string; at: string; cause: string }[] };
}
async function until(id: string, status: string) {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const d = await detail(id);
		if (d.status === status) return d;
		if (Date.now() > deadline) throw new Error(`payment ${id} is ${d.status}, never ${status}`);
		await new Promise((r) => setTimeout(r, 150));
	}
}
async function takeCash(patientId: string, amount: number) {
	const id = paymentId();
	const today = practiceDay();
	const body = (await (await api('/payments', { method: 'POST', body: JSON.stringify({ payments: [{ id, patientId, amount, method: { kind: 'cash' }, payDate: today, takenAt: new Date().toISOString(), takenBy: 'Maria' }] }) })).json()) as { results: { outcome: string }[] };
	expect(body.results[0]?.outcome).toBe('accepted');
	return id;
}

describe('the manager PIN and sessions', () => {
	it('npm run -s set-pin reads the PIN from stdin (never an argument) and sets it through the admin channel', () => {
		const run = spawnSync(process.execPath, ['scripts/admin.js', 'set-pin'], { input: '135790\n', env: { ...process.env, DATA_DIR: bridge.dataDir }, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('Manager PIN set');
		const bad = spawnSync(process.execPath, ['scripts/admin.js', 'set-pin'], { input: '12ab\n', env: { ...process.env, DATA_DIR: bridge.dataDir }, encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('4 to 12 digits');
	});

	it('exchanges the PIN for a 15-minute token; a wrong PIN is refused and logged', async () => {
		const ok = await session('135790');
		expect(ok.status).toBe(201);
		const body = (await ok.json()) as { token: string; expiresAt: string };
		expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
		expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
		const wrong = await session('000000');
		expect(wrong.status).toBe(401);
		expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('wrong_pin');
		await new Promise((r) => setTimeout(r, 200));
		expect(bridge.logs().some((event) => event.level === 'warn' && event.msg.includes('wrong manager PIN from device'))).toBe(true);
	});

	it('after 5 wrong PINs from a device, even the right one is refused with 429 and Retry-After', async () => {
		const other = await bridge.pairDevice('Guessing tablet');
		for (let i = 0; i < 5; i++) expect((await session(`11110${i}`, other)).status).toBe(401);
		const blocked = await session('135790', other);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
		// Another device is not affected.
		expect((await session('135790')).status).toBe(201);
	});
});

describe('PUT /settings (versioned, manager only)', () => {
	let manager: string;
	beforeAll(async () => {
		manager = ((await (await session('135790')).json()) as { token: string }).token;
	});

	it('refuses a save without a manager session (403 manager_required)', async () => {
		const response = await api('/settings', { method: 'PUT', body: JSON.stringify({ settings: DEFAULT_SETTINGS, baseVersion: 0 }) });
		expect(response.status).toBe(403);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe('manager_required');
	});

	it('saves on the current version, then answers a stale save with 409 and the version in force, writing nothing', async () => {
		const current = (await (await api('/settings')).json()) as { version: number };
		const first = await put({ ...DEFAULT_SETTINGS, staff: ['Maria', 'Lee'] }, current.version, manager);
		expect(first.status).toBe(200);
		const saved = (await first.json()) as { version: number };
		expect(saved.version).toBe(current.version + 1);
		const stale = await put({ ...DEFAULT_SETTINGS, staff: ['Someone else'] }, current.version, manager);
		expect(stale.status).toBe(409);
		expect(await stale.json()).toMatchObject({ version: saved.version, current: { staff: ['Maria', 'Lee'] }, updatedBy: 'device Manager desk (manager Dana)' });
		const after = (await (await api('/settings')).json()) as { settings: PracticeSettings; version: number };
		expect(after).toMatchObject({ version: saved.version, settings: { staff: ['Maria', 'Lee'] } });
	});

	it('refuses a choice the PMS does not offer (422, naming it and what is allowed)', async () => {
		const { version } = (await (await api('/settings')).json()) as { version: number };
		const response = await put({ ...DEFAULT_SETTINGS, allocationMode: 'providers_only' }, version, manager);
		expect(response.status).toBe(422);
		expect(((await response.json()) as { error: { message: string } }).error.message).toContain('allowed: allocate, post_only');
	});

	it('GET /pms/options lists the write-back statuses and the capabilities', async () => {
		const options = (await (await api('/pms/options')).json()) as { writebackStatuses: { id: string }[]; capabilities: { patientNotes: boolean; writableModes: string[] } };
		expect(options.writebackStatuses.map((s) => s.id)).toEqual(['OnlineProcessed', 'OnlinePending']);
		expect(options.capabilities).toEqual({ writableModes: ['allocate', 'post_only'], patientNotes: true, splitsBy: 'pms', writes: 'sync' });
	});

	it('the next payment follows the settings in the demo ledger: type, post only, status, one patient note', async () => {
		const options = (await (await api('/pms/options')).json()) as { paymentTypes: { id: string; name: string }[] };
		const careCredit = options.paymentTypes.find((t) => t.name === 'Care Credit')!;
		const { version } = (await (await api('/settings')).json()) as { version: number };
		expect((await put({ ...DEFAULT_SETTINGS, paymentTypeId: careCredit.id, allocationMode: 'post_only', writebackStatusId: 'OnlinePending', patientNotes: true }, version, manager)).status).toBe(200);
		const patientId = '5';
		const id = await takeCash(patientId, 4321);
		await until(id, 'verified');
		const payments = await demo<{ PayNum: number; PayNote: string; payType: string; ProcessStatus: string }[]>(`/payments?PatNum=${patientId}`);
		const ours = payments.filter((p) => p.PayNote.includes(`Paysplit ${id}`));
		expect(ours).toHaveLength(1);
		expect(ours[0]!.payType).toBe('Care Credit');
		const splits = await demo<{ SplitAmt: number; ProcNum: number; UnearnedType: number }[]>(`/paysplits?PayNum=${ours[0]!.PayNum}`);
		expect(splits).toHaveLength(1);
		expect(splits[0]).toMatchObject({ ProcNum: 0 });
		expect(splits[0]!.UnearnedType).not.toBe(0);
		// Status and note are written after posting, apart from the payment.
		const deadline = Date.now() + 15_000;
		let notes: { Note: string; commType: string }[] = [];
		let status = '';
		while (Date.now() < deadline) {
			status = (await demo<{ PayNote: string; ProcessStatus: string }[]>(`/payments?PatNum=${patientId}`)).find((p) => p.PayNote.includes(`Paysplit ${id}`))!.ProcessStatus;
			notes = (await demo<{ Note: string; commType: string }[]>(`/commlogs?PatNum=${patientId}`)).filter((n) => n.Note.includes(`Paysplit ${id}`));
			if (status === 'OnlinePending' && notes.length > 0) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		expect(status).toBe('OnlinePending');
		expect(notes).toHaveLength(1);
		expect(notes[0]!.Note).toMatch(/^Payment of \$43\.21 by cash received \d{4}-\d{2}-\d{2} \d{2}:\d{2}, taken by Maria\./);
		expect(notes[0]!.commType).toBe('Financial');
	});

	it('write-back off: the payment stops at recorded, is listed to post manually, and marking it posted records who and when', async () => {
		const { version } = (await (await api('/settings')).json()) as { version: number };
		expect((await put({ ...DEFAULT_SETTINGS, writeBack: false }, version, manager)).status).toBe(200);
		const id = await takeCash('5', 1999);
		await until(id, 'recorded');
		const list = (await (await api('/manual-postings')).json()) as { waiting: { id: string; pmsNote: string; paymentType: { name: string } | null; patientName: string | null }[] };
		const item = list.waiting.find((w) => w.id === id)!;
		expect(item).toBeDefined();
		expect(item.pmsNote.startsWith(`Paysplit ${id}`)).toBe(true);
		expect(item.paymentType?.name).toBe('Cash');
		expect(item.patientName).toBeTruthy();
		const payments = await demo<{ PayNote: string }[]>(`/payments?PatNum=5`);
		expect(payments.some((p) => p.PayNote.includes(`Paysplit ${id}`))).toBe(false);
		const marked = await api(`/payments/${id}/posted`, { method: 'POST', body: JSON.stringify({ by: 'Maria', pmsReference: '9001' }) });
		expect(marked.status).toBe(200);
		const after = await detail(id);
		expect(after.status).toBe('posted_manually');
		expect(after.history.at(-1)).toMatchObject({ status: 'posted_manually', actor: 'device Manager desk (Maria)', cause: 'keyed into the PMS by hand (PMS reference 9001)' });
		const again = (await (await api('/manual-postings')).json()) as { waiting: { id: string }[]; recentlyPosted: { id: string; postedBy: string; postedAt: string }[] };
		expect(again.waiting.some((w) => w.id === id)).toBe(false);
		expect(again.recentlyPosted.find((r) => r.id === id)).toMatchObject({ postedBy: 'device Manager desk (Maria)' });
		await put({ ...DEFAULT_SETTINGS, writeBack: true }, version + 1, manager);
	});

	it('void needs a manager session', async () => {
		const id = paymentId();
		const card = { id, patientId: '5', amount: 500, method: { kind: 'card', terminalRef: `T-${id.slice(-6)}`, brand: 'Visa', last4: '4242' }, payDate: practiceDay(-3), takenAt: new Date().toISOString() };
		await api('/payments', { method: 'POST', body: JSON.stringify({ payments: [card] }) });
		const refused = await api(`/payments/${id}/void`, { method: 'POST', body: JSON.stringify({ reason: 'test' }) });
		expect(refused.status).toBe(403);
		const done = await api(`/payments/${id}/void`, { method: 'POST', body: JSON.stringify({ reason: 'run twice', by: 'Lee' }) }, { 'x-manager-token': manager });
		expect(done.status).toBe(200);
	});
});
