import { beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '$lib/server/store/Sql';
import { migrate } from '$lib/server/store/migrate';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { openPostgres } from '$lib/server/store/openPostgres';
import type { PmsConnector } from '$lib/server/connectors/PmsConnector';
import { createPracticeMirror } from '$lib/server/practice/createPracticeMirror';
import { createPostingWorker } from '$lib/server/pipeline/createPostingWorker';
import { receivePayments } from '$lib/server/payments/receivePayments';
import { createFakeConnector, setSplitOf, type PostBehaviour } from './fakeConnector';
import { createFakeAsyncConnector, type AsyncBehaviour } from './fakeAsyncConnector';
import { createWriteWatch } from '$lib/server/pipeline/createWriteWatch';
import { applyPersonAction } from '$lib/server/payments/applyPersonAction';
import { paymentId } from '../support/paymentIds';
import { useSqlBackends, type SqlBackend } from '../../support/sqlBackends';
import { practiceDay } from '../../support/practiceDay';

const backends = useSqlBackends();

let sql: Sql;
/** PostgreSQL: the URL of the running test's database, for a second store on it (another bridge). */
let databaseUrl: string | undefined;
let clock: number;
const now = () => new Date(clock);
const device = { id: '00000000-0000-4000-8000-000000000001', name: 'Desk' };

async function openMigrated(on: SqlBackend): Promise<Sql> {
	if (on.name === 'PostgreSQL') {
		databaseUrl = await on.newDatabaseUrl();
		sql = backends.closeAfterTest(await openPostgres(databaseUrl));
	} else {
		databaseUrl = undefined;
		sql = await on.open();
	}
	await migrate(sql, bridgeMigrations);
	await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, 'Desk', 'h', now())`, [device.id]);
	clock = Date.parse('2026-11-23T15:00:00Z');
	return sql;
}

async function setup(script: PostBehaviour[], timeZone?: string) {
	const fake = createFakeConnector(script);
	const mirror = createPracticeMirror({ sql, connector: fake.connector, now, log: () => undefined });
	await mirror.refresh();
	const worker = createPostingWorker({ sql, connector: fake.connector, mirror, now, random: () => 0.5, log: () => undefined, ...(timeZone ? { timeZone } : {}) });
	/** Runs the worker until nothing is due, jumping the clock past each retry delay. */
	const drain = async (maxSteps = 50) => {
		for (let step = 0; step < maxSteps; step++) {
			if (!(await worker.runOnce())) {
				const next = (await sql.query<{ t: Date | null }>(`SELECT min(next_attempt_at) AS t FROM payment WHERE status IN ('accepted','cleared','posting')`))[0]?.t;
				if (!next) return;
				clock = Math.max(clock, next.getTime());
			}
		}
	};
	return { fake, worker, drain };
}

async function take(method: unknown = { kind: 'cash' }, patientId = '1', payDate = practiceDay(0, now())) {
	const id = paymentId();
	const mirror = createPracticeMirror({ sql, connector: createFakeConnector().connector, now, log: () => undefined });
	const [result] = await receivePayments({ sql, mirror, now, today: () => practiceDay(0, now()) }, device, [{ id, patientId, amount: 2500, method, payDate, takenAt: '2026-11-23T15:00:00.000Z' }]);
	expect(result?.outcome).toBe('accepted');
	return id;
}

/** Where the payment stands, and the PMS row(s) it became, joined with ", " (null: none). */
const statusOf = async (id: string) =>
	(await sql.query<{ status: string; reason: string | null; pms_payment_id: string | null }>(`SELECT status, reason, (SELECT string_agg(pms_payment_id, ', ' ORDER BY pms_payment_id) FROM payment_pms_row r WHERE r.payment_id = p.id) AS pms_payment_id FROM payment p WHERE id = $1`, [id]))[0]!;

describe.each(backends.both)('the posting worker on $name', (on) => {
beforeEach(async () => {
	await openMigrated(on);
});

describe('a payment dated tomorrow (issue 13)', () => {
	it('waits, cleared, for its date instead of going to Needs attention, and posts once the date begins in the practice\'s zone', async () => {
		// 10:00 in New York on 2026-11-23; the payment is dated the 24th, which begins there at 05:00 UTC.
		const { fake, worker, drain } = await setup(['ok'], 'America/New_York');
		const id = await take({ kind: 'cash' }, '1', '2026-11-24');
		for (let step = 0; step < 5; step++) await worker.runOnce();
		expect(await statusOf(id)).toMatchObject({ status: 'cleared', reason: 'waits for its date (2026-11-24) before it is written to the PMS' });
		expect(fake.payments).toHaveLength(0);
		const waiting = (await sql.query<{ next_attempt_at: Date }>(`SELECT next_attempt_at FROM payment WHERE id = $1`, [id]))[0]!;
		expect(waiting.next_attempt_at.toISOString()).toBe('2026-11-24T05:00:00.000Z');
		// 23:59 on the 23rd in New York: still waiting.
		clock = Date.parse('2026-11-24T04:59:00Z');
		expect(await worker.runOnce()).toBe(false);
		await drain();
		expect(await statusOf(id)).toMatchObject({ status: 'verified', reason: null });
		expect(fake.payments).toHaveLength(1);
		const history = await sql.query<{ status: string }>(`SELECT status FROM payment_event WHERE payment_id = $1 ORDER BY seq`, [id]);
		expect(history.map((e) => e.status)).toEqual(['accepted', 'cleared', 'cleared', 'posting', 'posted', 'verified']);
	});
});

describe('a PMS whose writes are asynchronous (NexHealth: 202, rows on a later cycle, no deduplication)', () => {
	const MINUTE = 60_000;
	async function setupAsync(script: AsyncBehaviour[] = []) {
		const fake = createFakeAsyncConnector(script);
		const mirror = createPracticeMirror({ sql, connector: fake.connector, now, log: () => undefined });
		await mirror.refresh();
		const worker = createPostingWorker({ sql, connector: fake.connector, mirror, now, random: () => 0.5, log: () => undefined, asyncWriteTimeoutMs: 30 * MINUTE, writeWatch: createWriteWatch(fake.connector, now, 0) });
		/** Runs every step due now, then jumps the clock to the next one, `times` times. */
		const advance = async (times = 1) => {
			for (let i = 0; i < times; i++) {
				while (await worker.runOnce());
				const next = (await sql.query<{ t: Date | null }>(`SELECT min(next_attempt_at) AS t FROM payment WHERE status IN ('accepted','cleared','posting','submitted','posted')`))[0]?.t;
				if (!next) return;
				clock = Math.max(clock, next.getTime());
			}
		};
		return { fake, worker, advance };
	}
	const rowsOf = async (id: string) => (await sql.query<{ pms_payment_id: string; amount: string | number }>(`SELECT pms_payment_id, amount FROM payment_pms_row WHERE payment_id = $1 ORDER BY pms_payment_id`, [id])).map((r) => [r.pms_payment_id, Number(r.amount)]);
	const statusesOf = async (id: string) => (await sql.query<{ status: string }>(`SELECT status FROM payment_event WHERE payment_id = $1 ORDER BY seq`, [id])).map((e) => e.status);

	it('a taken write is submitted, then posted with every row it became once the PMS shows them, and verified; written once', async () => {
		const { fake, advance } = await setupAsync(['ok']);
		const id = await take({ kind: 'cash' }, '2');
		await advance();
		expect(await statusOf(id)).toMatchObject({ status: 'submitted' });
		await advance(3);
		expect((await statusOf(id)).status).toBe('submitted');
		fake.land();
		await advance(2);
		expect(await statusOf(id)).toMatchObject({ status: 'verified' });
		expect(await rowsOf(id)).toEqual([['700', 1500], ['701', 1000]]);
		expect(fake.writes).toHaveLength(1);
		expect(fake.writes[0]!.splits.map((s) => [s.procedureId ?? null, s.amount])).toEqual([['21', 1500], [null, 1000]]);
		expect(await statusesOf(id)).toEqual(['accepted', 'cleared', 'posting', 'submitted', 'posted', 'verified']);
	});

	it('a write whose answer was lost is looked for, not sent again, and posted when it shows', async () => {
		const { fake, advance } = await setupAsync(['lose_response']);
		const id = await take({ kind: 'cash' }, '2');
		await advance(5);
		expect((await statusOf(id)).status).toBe('posting');
		fake.land();
		await advance(3);
		expect((await statusOf(id)).status).toBe('verified');
		expect(fake.writes).toHaveLength(1);
		expect(fake.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(2500);
	});

	it('a write never seen is looked for until the write timeout, then needs a person, never written twice on a guess; Try again reads back, then sends it again', async () => {
		const { fake, advance } = await setupAsync(['timeout_before_apply', 'ok']);
		const id = await take({ kind: 'cash' }, '2');
		const sent = clock;
		await advance(200);
		const flagged = await statusOf(id);
		expect(flagged.status).toBe('needs_attention');
		expect(flagged.reason).toContain('30 minutes later it does not show it');
		expect(clock - sent).toBeGreaterThanOrEqual(30 * MINUTE);
		expect(fake.writes).toHaveLength(1);
		const retried = await applyPersonAction(sql, id, { kind: 'retry' }, 'device Desk (Maria)', now());
		expect(retried.ok).toBe(true);
		await advance();
		expect(fake.writes).toHaveLength(2);
		fake.land();
		await advance(3);
		expect((await statusOf(id)).status).toBe('verified');
	});

	it('rows adding up to more than the payment (written twice) need a person', async () => {
		const { fake, advance } = await setupAsync(['ok']);
		const id = await take({ kind: 'cash' }, '1');
		await advance();
		fake.land();
		fake.landAgain(fake.writes[0]!);
		await advance(2);
		expect(await statusOf(id)).toMatchObject({ status: 'needs_attention', reason: expect.stringContaining('it was written twice') });
	});

	it('while the PMS takes no writes, a payment waits cleared with the reason, marked failed for nothing; it is written when the PMS takes writes again', async () => {
		const { fake, advance } = await setupAsync(['ok']);
		fake.setWritable({ writable: false, reason: 'Fake EMR is not taking new payments right now' });
		const id = await take();
		await advance(4);
		expect(await statusOf(id)).toMatchObject({ status: 'cleared', reason: 'Fake EMR is not taking new payments right now' });
		expect(fake.writes).toHaveLength(0);
		expect((await statusesOf(id)).filter((s) => s === 'needs_attention')).toEqual([]);
		fake.setWritable({ writable: true });
		await advance();
		fake.land();
		await advance(3);
		expect((await statusOf(id)).status).toBe('verified');
		expect(await statusesOf(id)).toEqual(['accepted', 'cleared', 'cleared', 'posting', 'submitted', 'posted', 'verified']);
	});
});

describe('writes each payment to the PMS exactly once', () => {
	it('posts a cash payment: accepted → cleared → posting → posted → verified, with the reference in the note', async () => {
		const { fake, drain } = await setup(['ok']);
		const id = await take();
		await drain();
		expect(await statusOf(id)).toMatchObject({ status: 'verified', pms_payment_id: '500' });
		expect(fake.payments).toHaveLength(1);
		expect(fake.writes[0]).toMatchObject({ mode: 'allocate', paymentTypeId: '70', amount: 2500 });
		expect(fake.writes[0]!.paymentId).toBe(id);
		expect(fake.payments[0]!.note.startsWith(`Paysplit ${id} · cash`)).toBe(true);
		const events = await sql.query<{ status: string }>(`SELECT status FROM payment_event WHERE payment_id = $1 ORDER BY seq`, [id]);
		expect(events.map((e) => e.status)).toEqual(['accepted', 'cleared', 'posting', 'posted', 'verified']);
	});

	it('keeps the allocation the engine computed at posting time, and the settings version used', async () => {
		const { drain } = await setup(['ok']);
		const id = await take();
		await drain();
		const row = (await sql.query<{ allocation: unknown; settings_version: number }>(`SELECT allocation, settings_version FROM payment WHERE id = $1`, [id]))[0]!;
		// The fake family owes nothing, so the whole payment is prepayment (allocation.md rule 9).
		expect(row.allocation).toMatchObject([{ patientId: '1', providerId: null, amount: 2500, unearnedType: '283' }]);
		expect(row.settings_version).toBe(0);
	});

	it('writes "post payment only" when the practice settings say so', async () => {
		const { fake, drain } = await setup(['ok']);
		await sql.query(`INSERT INTO practice_settings (id, data, version, updated_at, updated_by) VALUES (1, $1, 3, now(), 'test')`, [JSON.stringify({ allocationMode: 'post_only', allocationOrder: null })]);
		const id = await take();
		await drain();
		expect(fake.writes[0]!.mode).toBe('post_only');
		expect((await sql.query<{ settings_version: number }>(`SELECT settings_version FROM payment WHERE id = $1`, [id]))[0]!.settings_version).toBe(3);
	});

	it('after a lost response, reads back by reference and does not post again', async () => {
		const { fake, drain } = await setup(['lose_response', 'ok', 'ok']);
		const id = await take();
		await drain();
		expect(fake.payments).toHaveLength(1);
		expect(fake.writes).toHaveLength(1);
		expect(await statusOf(id)).toMatchObject({ status: 'verified', pms_payment_id: '500' });
	});

	it('after a timeout that never reached the PMS, reads back, finds nothing, and posts once', async () => {
		const { fake, drain } = await setup(['timeout_before_apply', 'ok']);
		const id = await take();
		await drain();
		expect(fake.payments).toHaveLength(1);
		expect(fake.writes).toHaveLength(2);
		expect((await statusOf(id)).status).toBe('verified');
	});

	it('after a crash between the write-ahead record and the answer, resumes by reading back', async () => {
		const { fake, drain } = await setup(['ok']);
		const id = await take();
		// The previous process applied the write and died before recording the answer.
		fake.payments.push({ pmsPaymentId: '777', patientId: '1', amount: 2500 as never, payDate: practiceDay(0, now()), paymentTypeId: '70', note: `Paysplit ${id} · cash` });
		await sql.query(`UPDATE payment SET status = 'posting' WHERE id = $1`, [id]);
		await sql.query(`INSERT INTO posting_attempt (payment_id, started_at) VALUES ($1, now())`, [id]);
		await drain();
		expect(fake.writes).toHaveLength(0);
		expect(await statusOf(id)).toMatchObject({ status: 'verified', pms_payment_id: '777' });
	});

	it('retries a PMS that cannot be reached, with backoff, and posts once it answers', async () => {
		const { fake, drain } = await setup(['unreachable', 'unreachable', 'ok']);
		const id = await take();
		await drain();
		expect(fake.payments).toHaveLength(1);
		expect((await statusOf(id)).status).toBe('verified');
		const attempts = await sql.query<{ outcome: string }>(`SELECT outcome FROM posting_attempt WHERE payment_id = $1 ORDER BY id`, [id]);
		expect(attempts.map((a) => a.outcome)).toEqual(['not_sent', 'not_sent', 'posted']);
	});

	it('does not write again while the read-back itself fails', async () => {
		const { fake, worker } = await setup(['lose_response', 'ok']);
		const id = await take();
		for (let i = 0; i < 3; i++) await worker.runOnce();
		fake.setReadsFail(true);
		for (let i = 0; i < 5; i++) {
			clock += 10 * 60_000;
			await worker.runOnce();
		}
		expect(fake.writes).toHaveLength(1);
		expect((await statusOf(id)).status).toBe('posting');
	});

	it('puts a payment the PMS refuses in needs_attention with the PMS’s message', async () => {
		const { drain } = await setup(['refuse']);
		const id = await take();
		await drain();
		expect(await statusOf(id)).toMatchObject({ status: 'needs_attention', reason: 'The PMS refused this payment: PayType is invalid.' });
	});

	it('flags a reference found twice in the PMS instead of guessing', async () => {
		const { fake, drain } = await setup([]);
		const id = await take();
		for (const n of ['1', '2']) fake.payments.push({ pmsPaymentId: n, patientId: '1', amount: 2500 as never, payDate: practiceDay(0, now()), paymentTypeId: '70', note: `Paysplit ${id}` });
		await sql.query(`UPDATE payment SET status = 'posting' WHERE id = $1`, [id]);
		await sql.query(`INSERT INTO posting_attempt (payment_id, started_at, outcome) VALUES ($1, now(), 'unknown')`, [id]);
		await drain();
		const row = await statusOf(id);
		expect(row.status).toBe('needs_attention');
		expect(row.reason).toContain('2 payments');
		expect(fake.writes).toHaveLength(0);
	});

	it('verifies by reading back, and records whether the PMS split the payment as the engine did', async () => {
		const { drain } = await setup(['ok']);
		const id = await take();
		await drain();
		const row = (await sql.query<{ status: string; matches_allocation: boolean; splits: unknown; allocation_difference: unknown }>(`SELECT status, matches_allocation, splits, allocation_difference FROM payment WHERE id = $1`, [id]))[0]!;
		expect(row).toMatchObject({ status: 'verified', matches_allocation: true, allocation_difference: { onlyInPms: [], onlyInPaysplit: [] } });
	});

	it('records a different split by the PMS as information, still verified', async () => {
		const { drain } = await setup(['ok']);
		setSplitOf((p) => ({ patientId: p.patientId, providerId: '1', clinicId: null, amount: p.amount }));
		try {
			const id = await take();
			await drain();
			const row = (await sql.query<{ status: string; matches_allocation: boolean; allocation_difference: { onlyInPms: unknown[]; onlyInPaysplit: unknown[] } }>(`SELECT status, matches_allocation, allocation_difference FROM payment WHERE id = $1`, [id]))[0]!;
			expect(row.status).toBe('verified');
			expect(row.matches_allocation).toBe(false);
			expect(row.allocation_difference.onlyInPms).toEqual([{ patientId: '1', providerId: '1', clinicId: null, amount: 2500 }]);
			expect(row.allocation_difference.onlyInPaysplit).toEqual([{ patientId: '1', providerId: null, clinicId: null, amount: 2500, unearnedType: '283' }]);
		} finally {
			setSplitOf((p) => ({ patientId: p.patientId, providerId: null, clinicId: null, amount: p.amount, unearnedType: '283' }));
		}
	});

	it('flags a PMS payment that does not match what was written (here: another amount)', async () => {
		const { fake, worker } = await setup(['ok']);
		const id = await take();
		await worker.runOnce(); // accepted → cleared
		await worker.runOnce(); // cleared → posting → posted
		expect((await statusOf(id)).status).toBe('posted');
		fake.payments[0]!.amount = 2400 as never;
		await worker.runOnce();
		const row = await statusOf(id);
		expect(row.status).toBe('needs_attention');
		expect(row.reason).toContain('its amount is $24.00, not $25.00');
	});

	it('leaves card payments waiting for clearing', async () => {
		const { fake, drain } = await setup(['ok']);
		const id = await take({ kind: 'card', terminalRef: 'T-1', brand: 'Visa', last4: '4242' });
		await drain();
		expect((await statusOf(id)).status).toBe('awaiting_clearing');
		expect(fake.writes).toHaveLength(0);
	});
});

describe('one payment at a time per family, also across two bridges on one database', () => {
	/** A second store on the same database: another bridge process (PostgreSQL), or the same store (PGlite belongs to one process). */
	async function secondStore(): Promise<Sql> {
		return databaseUrl ? backends.closeAfterTest(await openPostgres(databaseUrl)) : sql;
	}

	/** The fake PMS, each write taking `ms` of real time, counting how many writes run at once per family and overall. */
	function slowPms(ms: number) {
		const fake = createFakeConnector();
		const running = new Map<string, number>();
		const most = { perFamily: 0, overall: 0 };
		let overall = 0;
		const connector: PmsConnector = {
			...fake.connector,
			async postPayment(request) {
				const family = request.patientId; // each fake patient is their own family's guarantor
				running.set(family, (running.get(family) ?? 0) + 1);
				overall += 1;
				most.perFamily = Math.max(most.perFamily, running.get(family)!);
				most.overall = Math.max(most.overall, overall);
				try {
					await new Promise((resolve) => setTimeout(resolve, ms));
					return await fake.connector.postPayment(request);
				} finally {
					running.set(family, running.get(family)! - 1);
					overall -= 1;
				}
			}
		};
		return { fake, connector, most };
	}

	async function workerOn(store: Sql, connector: PmsConnector) {
		const mirror = createPracticeMirror({ sql: store, connector, now, log: () => undefined });
		await mirror.refresh();
		return createPostingWorker({ sql: store, connector, mirror, now, random: () => 0.5, log: () => undefined });
	}

	it('two workers post two families side by side, each family one payment at a time, each payment once', async () => {
		const pms = slowPms(25);
		const other = await secondStore();
		const workers = [await workerOn(sql, pms.connector), await workerOn(other, pms.connector)];
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push(await take(undefined, '1'), await take(undefined, '2'));
		const allDone = async () => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM payment WHERE status <> 'verified'`))[0]!.n === 0;
		const deadline = Date.now() + 20_000;
		await Promise.all(
			workers.map(async (worker) => {
				while (!(await allDone())) {
					if (Date.now() > deadline) throw new Error('the workers did not finish in 20 s');
					if (!(await worker.runOnce())) await new Promise((resolve) => setTimeout(resolve, 5));
				}
			})
		);
		expect(pms.fake.writes).toHaveLength(8);
		expect(new Set(pms.fake.payments.map((p) => p.note.split(' · ')[0])).size).toBe(8);
		expect(pms.most.perFamily).toBe(1);
		// The second worker took the other family rather than waiting for the first one's.
		expect(pms.most.overall).toBe(2);
		for (const id of ids) expect((await statusOf(id)).status).toBe('verified');
	});

	it('one worker with several lanes posts two families at once, each family still one payment at a time', async () => {
		const pms = slowPms(25);
		const mirror = createPracticeMirror({ sql, connector: pms.connector, now, log: () => undefined });
		await mirror.refresh();
		const worker = createPostingWorker({ sql, connector: pms.connector, mirror, now, random: () => 0.5, log: () => undefined, idleMs: 5, lanes: 3 });
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push(await take(undefined, '1'), await take(undefined, '2'));
		worker.start();
		try {
			const deadline = Date.now() + 20_000;
			while ((await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM payment WHERE status <> 'verified'`))[0]!.n > 0) {
				if (Date.now() > deadline) throw new Error('the lanes did not finish in 20 s');
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		} finally {
			await worker.stop();
		}
		expect(pms.fake.writes).toHaveLength(8);
		expect(pms.most.perFamily).toBe(1);
		expect(pms.most.overall).toBe(2);
	});

	it('leaves a family whose lock another holds, and works on another family meanwhile', async () => {
		const pms = slowPms(0);
		const worker = await workerOn(sql, pms.connector);
		const mine = await take(undefined, '1');
		const theirs = await take(undefined, '2');
		const other = await secondStore();
		const held = await other.tryWithLock('family:1', async () => {
			// Family 1 is held elsewhere: only family 2 moves, however often the worker looks.
			for (let i = 0; i < 6; i++) await worker.runOnce();
			return [(await statusOf(mine)).status, (await statusOf(theirs)).status];
		});
		expect(held).toEqual({ locked: true, value: ['accepted', 'verified'] });
		for (let i = 0; i < 4; i++) await worker.runOnce();
		expect((await statusOf(mine)).status).toBe('verified');
		expect(pms.fake.writes.map((w) => w.patientId)).toEqual(['2', '1']);
	});

	it('gives nothing to do while the only due family is locked elsewhere, then resumes it', async () => {
		const worker = await workerOn(sql, createFakeConnector().connector);
		const id = await take();
		const other = await secondStore();
		await other.withLock('family:1', async () => {
			expect(await worker.runOnce()).toBe(false);
		});
		expect(await worker.runOnce()).toBe(true);
		expect((await statusOf(id)).status).toBe('cleared');
	});
});
});
