import { afterEach, describe, expect, it } from 'vitest';
import { familyBalance } from '$lib/domain/ledger/familyBalance';
import { createNexhealthConnector } from '$lib/server/connectors/nexhealth/createNexhealthConnector';
import { EMBEDDED_DEMO_NEXHEALTH_URL } from '$lib/server/demo-nexhealth/demoNexhealthFetch';
import type { NexEmr } from '$lib/server/demo-nexhealth/nexEmr';
import { receivePayments } from '$lib/server/payments/receivePayments';
import { createPostingWorker } from '$lib/server/pipeline/createPostingWorker';
import { createWriteWatch } from '$lib/server/pipeline/createWriteWatch';
import { createPracticeMirror } from '$lib/server/practice/createPracticeMirror';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { migrate } from '$lib/server/store/migrate';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { paymentId } from '../support/paymentIds';
import { NEX_TODAY, startNexFake, type NexFake } from '../../support/demoNexhealth';

/**
 * The bridge's posting worker (not yet wired to NexHealth by startBridge) with the NexHealth
 * connector and the NexHealth fake: a payment goes accepted → … → submitted, lands a sync later,
 * and is verified by its rows, written once, with Paysplit's allocation what landed.
 */
const TZ = 'America/New_York';
const device = { id: '00000000-0000-4000-8000-000000000001', name: 'Desk' };
let open: { fake: NexFake; sql: Sql; idle: () => Promise<void> } | null = null;
afterEach(async () => {
	if (!open) return;
	// The pipeline re-reads a family in the background after a write: let those reads finish first.
	await open.idle();
	open.fake.recorder.assertNoProblems();
	await open.fake.close();
	await open.sql.close();
	open = null;
});

for (const emr of ['dentrix', 'eaglesoft'] as const satisfies NexEmr[]) {
	describe(`posting through NexHealth to ${emr}`, () => {
		it('a cash payment is submitted, lands, and is verified, written once, its preview what landed', async () => {
			const fake = await startNexFake({ emr, syncSeconds: 3600, timeZone: TZ });
			const sql = await openPglite(undefined);
			let inFlight = 0;
			const fetch = async (input: string, init?: RequestInit) => {
				inFlight++;
				try {
					return await fake.recorder.fetch(input, init);
				} finally {
					inFlight--;
				}
			};
			const idle = async () => {
				for (let quiet = 0; quiet < 5; quiet = inFlight === 0 ? quiet + 1 : 0) await new Promise((resolve) => setTimeout(resolve, 20));
			};
			open = { fake, sql, idle };
			await migrate(sql, bridgeMigrations);
			await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, 'Desk', 'h', now())`, [device.id]);
			let clock = Date.parse(`${NEX_TODAY}T15:00:00Z`);
			const now = () => new Date(clock);
			const connector = createNexhealthConnector({ baseUrl: EMBEDDED_DEMO_NEXHEALTH_URL, ...fake.demo.keys, timeZone: TZ, fetch, now: fake.clock.now, sleep: async () => undefined });
			const mirror = createPracticeMirror({ sql, connector, now, log: () => undefined });
			expect(await mirror.refresh()).toEqual({ ok: true });
			const feed = await mirror.feed(undefined);
			const family = feed!.families.find((f) => familyBalance(f.ledger) > 5000 && f.ledger.patients.some((p) => p.id === f.guarantorId))!;

			const id = paymentId();
			const [result] = await receivePayments({ sql, mirror, now, today: () => NEX_TODAY }, device, [{ id, patientId: family.guarantorId, amount: 2500, method: { kind: 'cash' }, payDate: NEX_TODAY, takenAt: `${NEX_TODAY}T15:00:00.000Z` }]);
			expect(result?.outcome).toBe('accepted');
			const worker = createPostingWorker({ sql, connector, mirror, now, random: () => 0.5, log: () => undefined, asyncWriteTimeoutMs: 30 * 60_000, writeWatch: createWriteWatch(connector, now, 0), timeZone: TZ });
			const advance = async (times: number) => {
				for (let i = 0; i < times; i++) {
					while (await worker.runOnce());
					const next = (await sql.query<{ t: Date | null }>(`SELECT min(next_attempt_at) AS t FROM payment WHERE status IN ('accepted','cleared','posting','submitted','posted')`))[0]?.t;
					if (!next) return;
					clock = Math.max(clock, next.getTime());
				}
			};
			const payment = async () => (await sql.query<{ status: string; reason: string | null; matches_allocation: boolean | null }>(`SELECT status, reason, matches_allocation FROM payment WHERE id = $1`, [id]))[0]!;

			await advance(3);
			expect(await payment()).toMatchObject({ status: 'submitted' });
			expect(await fake.demo.syncNow()).toBe(1);
			await advance(3);
			expect(await payment()).toMatchObject({ status: 'verified', matches_allocation: true });
			const posts = fake.recorder.exchanges.filter((e) => e.request.method === 'POST' && new URL(e.request.url).pathname === '/payments');
			expect(posts).toHaveLength(1);
			const rows = await sql.query<{ amount: string | number }>(`SELECT amount FROM payment_pms_row WHERE payment_id = $1`, [id]);
			expect(rows.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(2500);
		});
	});
}
