import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { familyBalance } from '$lib/domain/ledger/familyBalance';
import { ledgerSchema, type Ledger } from '$lib/domain/ledger/ledger';
import { cents } from '$lib/domain/money/cents';
import { compareSplits } from '$lib/domain/payment/compareSplits';
import { allocationOptionsFor } from '$lib/domain/settings/allocationOptionsFor';
import { DEFAULT_SETTINGS } from '$lib/domain/settings/practiceSettings';
import { EMBEDDED_DEMO_NEXHEALTH_URL } from '$lib/server/demo-nexhealth/demoNexhealthFetch';
import { wireToCents } from '$lib/server/connectors/nexhealth/nexMoney';
import type { NexEmr } from '$lib/server/demo-nexhealth/nexEmr';
import { createNexhealthConnector } from '$lib/server/connectors/nexhealth/createNexhealthConnector';
import type { PmsConnector, PmsPaymentRequest, PracticeSnapshot } from '$lib/server/connectors/PmsConnector';
import { NEX_TODAY, eventually, startNexFake, type NexFake } from '../../support/demoNexhealth';

/**
 * The NexHealth connector against the NexHealth fake (src/lib/server/demo-nexhealth), every exchange
 * recorded and held to NexHealth's OpenAPI document (test/support/nexhealthOpenApi.ts): no problems
 * are allowed beyond the validator's named known gaps.
 */
type Setup = { fake: NexFake; connector: PmsConnector; sleeps: number[] };
const TZ = 'America/New_York';

async function setUp(emr: NexEmr): Promise<Setup> {
	const fake = await startNexFake({ emr, syncSeconds: 0.2, timeZone: TZ });
	const sleeps: number[] = [];
	const connector = createNexhealthConnector({
		baseUrl: EMBEDDED_DEMO_NEXHEALTH_URL,
		apiKey: fake.demo.keys.apiKey,
		subdomain: fake.demo.keys.subdomain,
		locationId: fake.demo.keys.locationId,
		timeZone: TZ,
		fetch: fake.recorder.fetch,
		now: fake.clock.now,
		sleep: async (ms) => void sleeps.push(ms),
		timeoutMs: 2_000
	});
	return { fake, connector, sleeps };
}

const paymentId = (n: number) => `0193a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;
const authentications = (fake: NexFake) => fake.recorder.exchanges.filter((e) => new URL(e.request.url).pathname === '/authenticates').length;

/** A family owing money, with its guarantor among the patients, for writing against. */
function owingFamily(practice: PracticeSnapshot, predicate: (ledger: Ledger) => boolean = () => true) {
	const family = practice.families.find((f) => familyBalance(f.ledger) > 5000 && f.ledger.procedures.length >= 3 && f.ledger.patients.some((p) => p.id === f.guarantorId) && predicate(f.ledger));
	if (!family) throw new Error('the demo practice has no family owing money');
	return family;
}

function requestFor(practice: PracticeSnapshot, ledger: Ledger, patientId: string, amount: number, n: number, mode: 'allocate' | 'post_only' = 'allocate'): PmsPaymentRequest {
	const allocated = allocatePayment({
		payment: { patientId, amount: cents(amount), payDate: NEX_TODAY, clinicId: null },
		mode,
		options: allocationOptionsFor(DEFAULT_SETTINGS, { ...practice.preferences, payDateChargesFirst: practice.preferences.payDateChargesFirst ?? false }, {}, { payDate: NEX_TODAY, ledger }),
		ledger
	});
	if (!allocated.ok) throw new Error(allocated.error.message);
	const type = practice.paymentTypes.find((t) => /cash/i.test(t.name)) ?? practice.paymentTypes[0]!;
	return { paymentId: paymentId(n), patientId, amount: cents(amount), payDate: NEX_TODAY, paymentTypeId: type.id, clinicId: null, description: 'cash · taken by Ana', mode, splits: allocated.splits };
}

for (const emr of ['dentrix', 'eaglesoft'] as const) {
	describe(`NexHealth connector on ${emr}: reads`, () => {
		let s: Setup;
		let practice: PracticeSnapshot;
		beforeAll(async () => {
			s = await setUp(emr);
			const read = await s.connector.readPractice();
			if (!read.ok) throw new Error(read.failure.message);
			practice = read.value;
		});
		afterAll(async () => {
			s.fake.recorder.assertNoProblems();
			await s.fake.close();
		});

		it('names the EMR behind the Synchronizer, and the write side is open', async () => {
			expect(await s.connector.identify()).toEqual({ ok: true, value: { connector: 'nexhealth', emr: emr === 'dentrix' ? 'Dentrix' : 'Eaglesoft' } });
			expect(await s.connector.writeStatus()).toEqual({ ok: true, value: { writable: true } });
		});

		it('reads the practice: patients in families, valid ledgers, payment types, the EMR’s allocation profile', () => {
			expect(practice.patients.length).toBeGreaterThan(20);
			expect(practice.families.length).toBeGreaterThan(5);
			for (const family of practice.families) expect(ledgerSchema.parse(family.ledger)).toEqual(family.ledger);
			const members = new Set(practice.families.flatMap((f) => f.ledger.patients.map((p) => p.id)));
			for (const patient of practice.patients) expect(members.has(patient.id)).toBe(true);
			expect(practice.paymentTypes.length).toBeGreaterThan(3);
			expect(practice.clinics).toEqual([]);
			expect(practice.preferences).toMatchObject({ order: 'oldest_first', clinicsEnabled: false, subtractInsuranceEstimates: true, prepaymentType: 'unapplied', payDateChargesFirst: emr === 'eaglesoft' });
		});

		it('every family owes what NexHealth’s guarantor_balances says the guarantor owes', async () => {
			const balances = await s.fake.call('GET', '/guarantor_balances', { query: { ...s.fake.scope, updated_since: '2000-01-01T00:00:00Z', show_zero_balances: true, per_page: 1000 } });
			const portion = new Map<string, number>((balances.body.data as { guarantor_id: number; guarantor_portion: { amount: string } }[]).map((b) => [String(b.guarantor_id), (wireToCents(b.guarantor_portion.amount) as { value: number }).value]));
			let compared = 0;
			for (const family of practice.families) {
				if (!portion.has(family.guarantorId)) continue;
				expect([family.guarantorId, familyBalance(family.ledger, true)]).toEqual([family.guarantorId, portion.get(family.guarantorId)]);
				compared++;
			}
			expect(compared).toBeGreaterThan(5);
		});

		it('reads one family as the whole practice read shows it', async () => {
			const family = owingFamily(practice);
			const one = await s.connector.readFamily(family.guarantorId);
			expect(one.ok && one.value?.ledger).toEqual(family.ledger);
			expect(one.ok && one.value?.patients).toEqual(practice.patients.filter((p) => p.guarantorId === family.guarantorId).sort((a, b) => Number(a.id) - Number(b.id)));
			expect(await s.connector.readFamily('999999')).toEqual({ ok: true, value: null });
		});
	});
}

describe('NexHealth connector: writes', () => {
	let s: Setup;
	let practice: PracticeSnapshot;
	beforeAll(async () => {
		s = await setUp('dentrix');
		const read = await s.connector.readPractice();
		if (!read.ok) throw new Error(read.failure.message);
		practice = read.value;
	});
	afterEach(async () => {
		await s.fake.control('PUT', '/_demo/faults', {});
		await s.fake.control('PUT', '/_demo/sync_status', { write: 'green' });
	});
	afterAll(async () => {
		s.fake.recorder.assertNoProblems();
		await s.fake.close();
	});

	it('posts a payment (202 → submitted); it lands after the sync delay as the rows Paysplit split it into, which findPayments finds and readSplits reads', async () => {
		const family = owingFamily(practice);
		const owed = familyBalance(family.ledger);
		const amount = owed + 2500; // every charge paid, $25.00 left as unapplied credit
		const request = requestFor(practice, family.ledger, family.guarantorId, amount, 1);
		expect(await s.connector.postPayment(request)).toEqual({ ok: true, value: { kind: 'submitted' } });
		const post = s.fake.recorder.exchanges.find((e) => e.request.method === 'POST' && new URL(e.request.url).pathname === '/payments');
		const body = JSON.parse(post!.request.body!);
		expect(body.payment).toMatchObject({ transaction_id: 'PAYSPLIT:0193a1b2c3d47e5f8a9b000000000001', paid_at: `${NEX_TODAY}T12:00:00-05:00`, notes: `Paysplit ${paymentId(1)} · cash · taken by Ana`, currency: 'USD' });
		expect(body.payment.amount).toBeLessThan(0);
		// Nothing in the PMS yet: NexHealth writes on a later cycle.
		expect(await s.connector.findPayments({ paymentId: request.paymentId, patientId: request.patientId })).toEqual({ ok: true, value: [] });

		const rows = await eventually(async () => {
			const found = await s.connector.findPayments({ paymentId: request.paymentId, patientId: request.patientId });
			return found.ok && found.value.length > 0 ? found.value : undefined;
		}, 5000, 'the payment’s rows');
		expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBe(amount);
		for (const row of rows) expect(row).toMatchObject({ payDate: NEX_TODAY, paymentTypeId: request.paymentTypeId });
		const charged = request.splits.filter((sp) => sp.procedureId);
		expect(rows).toHaveLength(charged.length + 1);

		const splits = [];
		for (const row of rows) {
			const read = await s.connector.readSplits(row.pmsPaymentId);
			expect(read.ok).toBe(true);
			if (read.ok) splits.push(...read.value);
		}
		// Every charge split landed as sent; the remainder is the one row with no charge.
		const { difference } = compareSplits(splits, request.splits);
		expect(difference.onlyInPaysplit.map((sp) => sp.unearnedType)).toEqual(['unapplied']);
		expect(difference.onlyInPms.map((sp) => [sp.unearnedType, sp.amount, sp.patientId])).toEqual([['unapplied', 2500, family.guarantorId]]);

		// Read again, the family owes nothing and has the remainder as credit.
		const after = await s.connector.readFamily(family.guarantorId);
		expect(after.ok && after.value && familyBalance(after.value.ledger)).toBe(-2500);
	});

	it('"post payment only" sends no splits: one row, on no charge', async () => {
		const family = owingFamily(practice);
		const request = requestFor(practice, family.ledger, family.guarantorId, 1234, 2, 'post_only');
		expect((await s.connector.postPayment(request)).ok).toBe(true);
		await s.fake.demo.syncNow();
		const rows = await s.connector.findPayments({ paymentId: request.paymentId, patientId: request.patientId });
		expect(rows.ok && rows.value.map((r) => r.amount)).toEqual([1234]);
		const split = rows.ok ? await s.connector.readSplits(rows.value[0]!.pmsPaymentId) : null;
		expect(split?.ok && split.value).toEqual([expect.objectContaining({ amount: 1234, unearnedType: 'unapplied', patientId: family.guarantorId })]);
	});

	it('a dropped 202 is an unknown outcome; looking by transaction id then finds the rows, so it is never sent twice', async () => {
		const family = owingFamily(practice);
		const request = requestFor(practice, family.ledger, family.guarantorId, 1500, 3);
		await s.fake.control('PUT', '/_demo/faults', { faults: [{ on: 'POST /payments', kind: 'drop_after_commit', times: 1 }] });
		const sent = await s.connector.postPayment(request);
		expect(!sent.ok && sent.failure.kind).toBe('unknown');
		await s.fake.demo.syncNow();
		const rows = await s.connector.findPayments({ paymentId: request.paymentId, patientId: request.patientId });
		expect(rows.ok && rows.value.reduce((sum, r) => sum + r.amount, 0)).toBe(1500);
	});

	it('a 500 on the write is unknown, never retried by the connector', async () => {
		const family = owingFamily(practice);
		await s.fake.control('PUT', '/_demo/faults', { faults: [{ on: 'POST /payments', kind: 'error500', times: 1 }] });
		const posts = () => s.fake.recorder.exchanges.filter((e) => e.request.method === 'POST' && new URL(e.request.url).pathname === '/payments').length;
		const before = posts();
		const sent = await s.connector.postPayment(requestFor(practice, family.ledger, family.guarantorId, 1000, 4));
		expect(!sent.ok && sent.failure.kind).toBe('unknown');
		expect(posts()).toBe(before + 1);
	});

	it('NexHealth’s refusal comes back refused with its message', async () => {
		const family = owingFamily(practice);
		const sent = await s.connector.postPayment({ ...requestFor(practice, family.ledger, family.guarantorId, 1000, 5), paymentTypeId: '999999' });
		expect(!sent.ok && sent.failure).toMatchObject({ kind: 'refused', status: 400, message: `Payment Type with id 999999 not found in location ${s.fake.demo.keys.locationId}` });
	});

	it('a red write side makes writeStatus false, in words a front desk reads', async () => {
		s.fake.clock.advance(60);
		await s.fake.control('PUT', '/_demo/sync_status', { write: 'red' });
		const status = await s.connector.writeStatus();
		// The fake's clock is 15:01 UTC on NEX_TODAY: 10:01 in New York.
		expect(status).toEqual({ ok: true, value: { writable: false, reason: 'Dentrix is not taking new payments through NexHealth right now (since 10:01); they wait here and are sent when it is back' } });
	});

	it('a 429 storm is waited out: the read succeeds', async () => {
		await s.fake.control('PUT', '/_demo/faults', { faults: [{ on: 'GET /charges', kind: 'rate_limit', times: 3 }] });
		const before = s.sleeps.length;
		const family = await s.connector.readFamily(owingFamily(practice).guarantorId);
		expect(family.ok).toBe(true);
		expect(s.sleeps.length - before).toBeGreaterThanOrEqual(3);
	});

	it('statuses and patient notes are not writable through NexHealth', async () => {
		expect(await s.connector.setPaymentStatus('1', 'x')).toMatchObject({ ok: false, failure: { kind: 'refused' } });
		expect(await s.connector.writePatientNote('1', 'x', '2026-11-23 10:00:00')).toMatchObject({ ok: false, failure: { kind: 'refused' } });
	});

	it('when the token expires the connector authenticates again before its next call', async () => {
		const before = authentications(s.fake);
		s.fake.clock.advance(3600);
		expect((await s.connector.identify()).ok).toBe(true);
		expect(authentications(s.fake)).toBe(before + 1);
		expect(s.fake.recorder.exchanges.filter((e) => e.response?.status === 401)).toEqual([]);
	});
});

describe('NexHealth connector on eaglesoft: the walkout rule', () => {
	let s: Setup;
	afterAll(async () => {
		s.fake.recorder.assertNoProblems();
		await s.fake.close();
	});

	it('pays the family’s charges of the payment’s date first, and they land on those charges', async () => {
		s = await setUp('eaglesoft');
		const read = await s.connector.readPractice();
		if (!read.ok) throw new Error(read.failure.message);
		const practice = read.value;
		const older = (l: Ledger) => l.procedures.some((p) => p.date < NEX_TODAY && p.claims.length === 0);
		const family = owingFamily(practice, (l) => l.procedures.some((p) => p.date === NEX_TODAY) && older(l));
		const today = new Set(family.ledger.procedures.filter((p) => p.date === NEX_TODAY).map((p) => p.id));
		const request = requestFor(practice, family.ledger, family.guarantorId, 100, 6);
		expect(request.splits.map((sp) => sp.procedureId)).toEqual([expect.any(String)]);
		expect(today.has(request.splits[0]!.procedureId!)).toBe(true);
		expect((await s.connector.postPayment(request)).ok).toBe(true);
		await s.fake.demo.syncNow();
		const rows = await s.connector.findPayments({ paymentId: request.paymentId, patientId: request.patientId });
		const split = rows.ok ? await s.connector.readSplits(rows.value[0]!.pmsPaymentId) : null;
		expect(split?.ok && split.value[0]?.procedureId).toBe(request.splits[0]!.procedureId);
	});
});
