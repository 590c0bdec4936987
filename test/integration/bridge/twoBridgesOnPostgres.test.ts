import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientPortion } from '$lib/domain/allocation/patientPortion';
import type { Family } from '$lib/domain/api/patientsFeed';
import { createOpenDentalConnector } from '$lib/server/connectors/opendental/createOpenDentalConnector';
import { openPostgres } from '$lib/server/store/openPostgres';
import type { Sql } from '$lib/server/store/Sql';
import { freePort, startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { startPostgresServer, type PostgresServer } from '../../support/postgresServer';
import { startRunningDemoPms, type RunningDemoPms } from '../../support/runningDemoPms';
import { practiceDay } from '../../support/practiceDay';

/**
 * Issue 5, item 7: two bridge processes on one PostgreSQL database and one stand-alone demo PMS;
 * 200 cash payments for 10 families, each sent to one bridge and some to both. Each is posted once,
 * all are verified, and no procedure is paid beyond what the patient owes on it.
 */
const PAYMENTS = 200;
const FAMILIES = 10;
/** Every fifth payment is also sent to the other bridge, at the same moment (a retry that went elsewhere). */
const SENT_TO_BOTH_EVERY = 5;

let server: PostgresServer;
let demo: RunningDemoPms;
let bridges: RunningBridge[];
let db: Sql;

beforeAll(async () => {
	server = await startPostgresServer();
	demo = await startRunningDemoPms(await freePort());
	const url = await server.createDatabase('two_bridges_load');
	// LOG_LEVEL=info: each bridge logs the payments it wrote to the PMS, so the test can see both worked.
	bridges = await Promise.all([0, 1].map(() => startRunningBridge({ DATABASE_URL: url, LOG_LEVEL: 'info', ...demo.bridgeEnv })));
	db = await openPostgres(url);
}, 180_000);
afterAll(async () => {
	await db?.close();
	await Promise.all((bridges ?? []).map((bridge) => bridge.stop()));
	await demo?.stop();
	await server?.stop();
});

type Intent = { id: string; patientId: string; amount: number; method: { kind: 'cash' }; payDate: string; takenAt: string; takenBy: string };

describe('two bridges on one PostgreSQL database, one demo PMS', () => {
	it(`post ${PAYMENTS} payments for ${FAMILIES} families exactly once each, all verified, no procedure over-paid`, async () => {
		const [a, b] = bridges as [RunningBridge, RunningBridge];
		const token = await a.pairDevice('Load desk');
		const send = (bridge: RunningBridge, payments: Intent[]) =>
			fetch(`${bridge.baseUrl}/api/v1/payments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ payments }) });

		// The ten families that owe the most, so that payments go to procedures (where over-paying could happen).
		const feed = (await (await fetch(`${b.baseUrl}/api/v1/patients`, { headers: { authorization: `Bearer ${token}` } })).json()) as { patients: { id: string; guarantorId: string }[]; families: Family[] };
		const families = [...feed.families].sort((x, y) => y.balance - x.balance).slice(0, FAMILIES);
		expect(families).toHaveLength(FAMILIES);
		const members = families.map((family) => feed.patients.filter((p) => p.guarantorId === family.guarantorId).map((p) => p.id));
		const payments: Intent[] = Array.from({ length: PAYMENTS }, (_, i) => {
			const family = members[i % FAMILIES]!;
			return {
				id: paymentId(),
				patientId: family[Math.floor(i / FAMILIES) % family.length]!,
				amount: 1_000 + ((i * 7_919) % 9_000), // $10.00 … $99.99
				method: { kind: 'cash' },
				payDate: practiceDay(),
				takenAt: '2026-11-23T15:00:00.000Z',
				takenBy: 'Load test'
			};
		});

		const started = performance.now();
		// Batches of 20, alternating between the bridges, all in flight at once; every fifth payment
		// also goes to the other bridge in a batch of its own.
		const requests: Promise<Response>[] = [];
		for (let start = 0; start < PAYMENTS; start += 20) {
			const batch = payments.slice(start, start + 20);
			const [mine, other] = (start / 20) % 2 === 0 ? [a, b] : [b, a];
			requests.push(send(mine, batch), send(other, batch.filter((_, i) => (start + i) % SENT_TO_BOTH_EVERY === 0)));
		}
		const outcomes = new Map<string, string[]>();
		for (const response of await Promise.all(requests)) {
			expect(response.status).toBe(200);
			for (const result of ((await response.json()) as { results: { id: string; outcome: string }[] }).results) outcomes.set(result.id, [...(outcomes.get(result.id) ?? []), result.outcome]);
		}
		// Each payment accepted once; the copies sent to both bridges are answered `duplicate` by one of them.
		for (const [index, payment] of payments.entries()) {
			const expected = index % SENT_TO_BOTH_EVERY === 0 ? ['accepted', 'duplicate'] : ['accepted'];
			expect([...(outcomes.get(payment.id) ?? [])].sort(), payment.id).toEqual(expected);
		}

		// Until every payment is verified (or stuck: anything in needs_attention fails at once).
		const deadline = Date.now() + 240_000;
		let counts: Record<string, number> = {};
		for (;;) {
			counts = Object.fromEntries((await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM payment GROUP BY status`)).map((r) => [r.status, r.n]));
			if ((counts.verified ?? 0) === PAYMENTS || counts.needs_attention || Date.now() > deadline) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		const seconds = (performance.now() - started) / 1000;
		const reasons = await db.query<{ id: string; reason: string }>(`SELECT id, reason FROM payment WHERE status = 'needs_attention'`);
		expect(reasons).toEqual([]);
		expect(counts).toEqual({ verified: PAYMENTS });
		console.log(`two bridges, one PostgreSQL, one demo PMS: ${PAYMENTS} payments for ${FAMILIES} families verified in ${seconds.toFixed(1)} s = ${(PAYMENTS / seconds).toFixed(1)} payments verified per second`);

		// Both bridges posted; together they wrote each payment once (no faults: no read-backs).
		const wrote = bridges.map((bridge) => (bridge.output().match(/ posted to the PMS as /g) ?? []).length);
		console.log(`payments written to the PMS by bridge A: ${wrote[0]}, by bridge B: ${wrote[1]}`);
		expect(wrote[0]! + wrote[1]!).toBe(PAYMENTS);
		expect(Math.min(...wrote)).toBeGreaterThan(0);

		// In the PMS: each payment once, by its reference in PayNote, for the amount sent.
		const pms = createOpenDentalConnector({
			baseUrl: demo.bridgeEnv.OPENDENTAL_URL!,
			developerKey: demo.bridgeEnv.OPENDENTAL_DEVELOPER_KEY!,
			customerKey: demo.bridgeEnv.OPENDENTAL_CUSTOMER_KEY!,
			fetch: (input, init) => fetch(input, init)
		});
		const headers = { authorization: `ODFHIR ${demo.bridgeEnv.OPENDENTAL_DEVELOPER_KEY}/${demo.bridgeEnv.OPENDENTAL_CUSTOMER_KEY}` };
		const inPms: { PayNum: number; PayAmt: string; PayNote: string }[] = [];
		// Open Dental pages its lists (the demo: up to 1000 rows a page): read on until a page comes back empty.
		for (;;) {
			const page = (await (await fetch(`${demo.bridgeEnv.OPENDENTAL_URL}/payments?Offset=${inPms.length}`, { headers })).json()) as typeof inPms;
			if (page.length === 0) break;
			inPms.push(...page);
		}
		expect(new Set(inPms.map((p) => p.PayNum)).size).toBe(inPms.length);
		const byReference = new Map<string, typeof inPms>();
		for (const payment of inPms) {
			const reference = /Paysplit (\S+)/.exec(payment.PayNote)?.[1];
			if (reference) byReference.set(reference, [...(byReference.get(reference) ?? []), payment]);
		}
		expect(byReference.size).toBe(PAYMENTS);
		for (const payment of payments) {
			const found = byReference.get(payment.id) ?? [];
			expect(found.length, `payments in the PMS with reference Paysplit ${payment.id}`).toBe(1);
			expect(Math.round(Number(found[0]!.PayAmt) * 100)).toBe(payment.amount);
		}

		// No procedure paid beyond its patient portion (fee less insurance, with the adjustments attached to it).
		const practice = await pms.readPractice();
		if (!practice.ok) throw new Error(practice.failure.message);
		const subtract = practice.value.preferences.subtractInsuranceEstimates;
		const ours = new Set(payments.map((p) => String(byReference.get(p.id)![0]!.PayNum)));
		let proceduresPaidByUs = 0;
		for (const family of practice.value.families.filter((f) => families.some((chosen) => chosen.guarantorId === f.guarantorId))) {
			const { ledger } = family;
			for (const procedure of ledger.procedures) {
				const splits = ledger.splits.filter((s) => s.procedureId === procedure.id);
				if (!splits.some((s) => ours.has(s.paymentId))) continue;
				proceduresPaidByUs += 1;
				const owed = patientPortion(procedure, subtract) + ledger.adjustments.filter((adj) => adj.procedureId === procedure.id).reduce((sum, adj) => sum + adj.amount, 0);
				const paid = splits.reduce((sum, s) => sum + s.amount, 0);
				expect(paid, `procedure ${procedure.id} (patient ${procedure.patientId}): paid ${paid} of ${owed} owed`).toBeLessThanOrEqual(owed);
			}
		}
		// The payments did reach procedures, so the check above checked something.
		expect(proceduresPaidByUs).toBeGreaterThan(0);
		console.log(`procedures paid by these payments: ${proceduresPaidByUs}, none beyond its patient portion`);
	}, 300_000);
});
