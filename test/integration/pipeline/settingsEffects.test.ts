import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PracticeSettings } from '$lib/domain/settings/practiceSettings';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { migrate } from '$lib/server/store/migrate';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { createPracticeMirror } from '$lib/server/practice/createPracticeMirror';
import { createPostingWorker } from '$lib/server/pipeline/createPostingWorker';
import { createFollowUpRunner } from '$lib/server/pipeline/createFollowUpRunner';
import { receivePayments } from '$lib/server/payments/receivePayments';
import { saveSettings } from '$lib/server/settings/saveSettings';
import { createFakeConnector, type PostBehaviour } from './fakeConnector';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

let sql: Sql;
let clock: number;
const now = () => new Date(clock);
const device = { id: '00000000-0000-4000-8000-000000000001', name: 'Desk' };

beforeEach(async () => {
	sql = await openPglite(undefined);
	await migrate(sql, bridgeMigrations);
	await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, 'Desk', 'h', now())`, [device.id]);
	clock = Date.parse('2026-11-23T15:00:00Z');
});
afterEach(async () => {
	await sql.close();
});

async function settle(changes: Partial<PracticeSettings>) {
	const current = (await sql.query<{ version: number }>(`SELECT version FROM practice_settings`))[0]?.version ?? 0;
	const saved = await saveSettings(sql, { ...DEFAULT_SETTINGS, ...changes }, current, 'test manager', now());
	expect(saved.ok).toBe(true);
}

async function setup(script: PostBehaviour[] = []) {
	const fake = createFakeConnector(script);
	const mirror = createPracticeMirror({ sql, connector: fake.connector, now, log: () => undefined });
	await mirror.refresh();
	const logs: string[] = [];
	const followUps = createFollowUpRunner({ sql, connector: fake.connector, now, random: () => 0.5, log: (_level, m) => logs.push(m), settleAfterUnknownMs: 1_000 });
	const worker = createPostingWorker({ sql, connector: fake.connector, mirror, now, random: () => 0.5, log: () => undefined, timeZone: 'America/New_York', followUps });
	/** Runs the worker (payments, then follow-ups) until nothing is due, jumping the clock past each retry delay. */
	const drain = async (maxSteps = 80) => {
		for (let step = 0; step < maxSteps; step++) {
			if (!(await worker.runOnce())) {
				const next = (
					await sql.query<{ t: Date | null }>(
						`SELECT least((SELECT min(next_attempt_at) FROM payment WHERE status IN ('accepted','cleared','posting','posted')), (SELECT min(next_attempt_at) FROM posting_followup WHERE status = 'due')) AS t`
					)
				)[0]?.t;
				if (!next || next.getTime() <= clock) return;
				clock = next.getTime();
			}
		}
	};
	return { fake, worker, drain, logs };
}

async function take(extra: Record<string, unknown> = {}) {
	const id = paymentId();
	const mirror = createPracticeMirror({ sql, connector: createFakeConnector().connector, now, log: () => undefined });
	const [result] = await receivePayments({ sql, mirror, now, today: () => practiceDay(0, now()) }, device, [
		{ id, patientId: '1', amount: 2500, method: { kind: 'check', checkNumber: '1042' }, payDate: practiceDay(0, now()), takenAt: '2026-11-23T15:04:00.000Z', takenBy: 'Maria', ...extra }
	]);
	expect(result?.outcome).toBe('accepted');
	return id;
}

const row = async (id: string) =>
	(await sql.query<{ status: string; settings_version: number | null; pms_payment_type: string | null; pms_payment_id: string | null }>(`SELECT status, settings_version, pms_payment_type, (SELECT min(pms_payment_id) FROM payment_pms_row r WHERE r.payment_id = p.id) AS pms_payment_id FROM payment p WHERE id = $1`, [id]))[0]!;
const followUps = async (id: string) => sql.query<{ kind: string; status: string; pms_id: string | null; attempts: number }>(`SELECT kind, status, pms_id, attempts FROM posting_followup WHERE payment_id = $1 ORDER BY kind`, [id]);

describe('each practice setting changes what the pipeline writes', () => {
	it('write-back off: a cleared payment stops at recorded, nothing reaches the PMS, and the settings version is kept', async () => {
		const { fake, drain } = await setup();
		await settle({ writeBack: false });
		const id = await take();
		await drain();
		expect(await row(id)).toMatchObject({ status: 'recorded', settings_version: 1, pms_payment_type: '69' });
		expect(fake.writes).toHaveLength(0);
		const events = await sql.query<{ status: string; cause: string }>(`SELECT status, cause FROM payment_event WHERE payment_id = $1 ORDER BY seq`, [id]);
		expect(events.map((e) => e.status)).toEqual(['accepted', 'cleared', 'recorded']);
		expect(events.at(-1)?.cause).toContain('write-back is off (settings version 1)');
	});

	it('write-back turned on again: the next payment is posted (the recorded one stays for a person)', async () => {
		const { fake, drain } = await setup();
		await settle({ writeBack: false });
		const first = await take();
		await drain();
		await settle({ writeBack: true });
		const second = await take();
		await drain();
		expect((await row(first)).status).toBe('recorded');
		expect((await row(second)).status).toBe('verified');
		expect(fake.writes).toHaveLength(1);
	});

	it('post only: the PMS is asked for one unearned split', async () => {
		const { fake, drain } = await setup();
		await settle({ allocationMode: 'post_only' });
		await take();
		await drain();
		expect(fake.writes[0]?.mode).toBe('post_only');
	});

	it('payment type: the one chosen in the settings, not the one named for the method', async () => {
		const { fake, drain } = await setup();
		await settle({ paymentTypeId: '70' });
		const id = await take();
		await drain();
		expect(fake.writes[0]?.paymentTypeId).toBe('70');
		expect(await row(id)).toMatchObject({ status: 'verified', pms_payment_type: '70' });
	});

	it('payment type per clinic wins over the practice-wide one for that clinic', async () => {
		const { fake, drain } = await setup();
		// The fake PMS has no clinics enabled: the clinic's type applies only where the PMS has clinics.
		await settle({ paymentTypeId: '70', clinicPaymentTypes: { '5': '69' } });
		await take();
		await drain();
		expect(fake.writes[0]?.paymentTypeId).toBe('70');
	});

	it('a payment type the PMS no longer lists puts the payment in needs_attention, saying so', async () => {
		const { fake, drain } = await setup();
		await settle({ paymentTypeId: '999' });
		const id = await take();
		await drain();
		expect((await row(id)).status).toBe('needs_attention');
		expect((await sql.query<{ reason: string }>(`SELECT reason FROM payment WHERE id = $1`, [id]))[0]!.reason).toContain('no longer in the PMS');
		expect(fake.writes).toHaveLength(0);
	});

	it('write-back status: written once to the posted PMS payment', async () => {
		const { fake, drain } = await setup();
		await settle({ writebackStatusId: 'OnlinePending' });
		const id = await take();
		await drain();
		expect(fake.statuses.get('500')).toBe('OnlinePending');
		expect(await followUps(id)).toEqual([{ kind: 'writeback_status', status: 'done', pms_id: '500', attempts: 0 }]);
	});

	it('no write-back status chosen: the PMS payment keeps its default, nothing is written', async () => {
		const { fake, drain } = await setup();
		await settle({});
		const id = await take();
		await drain();
		expect(fake.statuses.size).toBe(0);
		expect(await followUps(id)).toEqual([]);
	});

	it('patient notes on: one note with date, time, amount, method and reference, no card number', async () => {
		const { fake, drain } = await setup();
		await settle({ patientNotes: true });
		const id = await take();
		await drain();
		expect(fake.notes).toHaveLength(1);
		const note = fake.notes[0]!;
		expect(note.patientId).toBe('1');
		expect(note.at).toBe('2026-11-23 10:04:00');
		expect(note.text).toBe(`Payment of $25.00 by check #1042 received 2026-11-23 10:04, taken by Maria. Posted to the ledger by Paysplit; ref Paysplit ${id}.`);
		expect((await row(id)).status).toBe('verified');
	});

	it('patient notes off: no note', async () => {
		const { fake, drain } = await setup();
		await settle({ patientNotes: false });
		await take();
		await drain();
		expect(fake.noteWrites).toHaveLength(0);
	});

	it('a card payment’s note names brand and last four only', async () => {
		const { fake, drain } = await setup();
		await settle({ patientNotes: true });
		const id = await take({ method: { kind: 'card', terminalRef: 'TRM-9', brand: 'Visa', last4: '4242' } });
		// Cards wait for the processor: settle it as the clearing step would.
		await drain();
		await sql.transaction((tx) => tx.query(`UPDATE payment SET status = 'cleared' WHERE id = $1`, [id]));
		await drain();
		expect(fake.notes[0]?.text).toContain('Visa card ending 4242 (terminal ref TRM-9)');
		expect(fake.notes[0]?.text).not.toMatch(/\d{13,19}/);
	});

	it('a note whose answer was lost is read back by reference and never written twice', async () => {
		const { fake, drain } = await setup();
		await settle({ patientNotes: true });
		fake.followUpScript.push('lose_response');
		const id = await take();
		await drain();
		expect(fake.noteWrites).toHaveLength(1);
		expect(fake.notes).toHaveLength(1);
		expect(await followUps(id)).toMatchObject([{ kind: 'patient_note', status: 'done', pms_id: '900', attempts: 1 }]);
	});

	it('a note that never reached the PMS is sent again, once', async () => {
		const { fake, drain } = await setup();
		await settle({ patientNotes: true });
		fake.followUpScript.push('unreachable', 'unreachable');
		const id = await take();
		await drain();
		expect(fake.noteWrites).toHaveLength(3);
		expect(fake.notes).toHaveLength(1);
		expect(await followUps(id)).toMatchObject([{ kind: 'patient_note', status: 'done' }]);
	});

	it('a note or status the PMS refuses never holds up or changes the payment: recorded as failed and logged', async () => {
		const { fake, drain, logs } = await setup();
		await settle({ patientNotes: true, writebackStatusId: 'OnlineProcessed' });
		fake.followUpScript.push('refused', 'refused');
		const id = await take();
		await drain();
		expect((await row(id)).status).toBe('verified');
		expect((await followUps(id)).map((f) => f.status)).toEqual(['failed', 'failed']);
		expect(logs.some((m) => m.includes('refused its patient note'))).toBe(true);
	});

	it('the payment is posted and verified before any follow-up is tried (notes never delay it)', async () => {
		const { fake, worker } = await setup();
		await settle({ patientNotes: true, writebackStatusId: 'OnlineProcessed' });
		fake.followUpScript.push('unreachable', 'unreachable', 'unreachable');
		const id = await take();
		for (let i = 0; i < 4; i++) await worker.runOnce();
		expect((await row(id)).status).toBe('verified');
	});

	it('records the settings version each payment was posted under', async () => {
		const { drain } = await setup();
		await settle({ allocationMode: 'post_only' });
		await settle({ allocationMode: 'allocate' });
		const id = await take();
		await drain();
		expect((await row(id)).settings_version).toBe(2);
	});
});
