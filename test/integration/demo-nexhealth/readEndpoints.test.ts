import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlTx } from '$lib/server/store/Sql';
import { seedNexPractice } from '$lib/server/demo-nexhealth/seed/seedNexPractice';
import { startNexFake, type NexFake } from '../../support/demoNexhealth';

/**
 * The NexHealth fake's reads, every answer checked against NexHealth's OpenAPI document by the
 * recorder: a believable practice on each PMS, the documented filters and includes, and NexHealth's
 * refusals for a request out of scope.
 */
const cents = (amount: string) => Math.round(Number(amount) * 100);

describe.each(['dentrix', 'eaglesoft'] as const)('the NexHealth fake for a %s practice', (emr) => {
	let fake: NexFake;
	beforeAll(async () => {
		fake = await startNexFake({ emr });
	});
	afterAll(async () => {
		fake.recorder.assertNoProblems();
		await fake.close();
	});
	const all = async (path: string, query: Record<string, string | number | boolean | (string | number)[]> = {}) => {
		const answer = await fake.call('GET', path, { query: { ...fake.scope, per_page: 1000, ...query } });
		expect(answer.status, answer.text).toBe(200);
		expect(answer.body.page_info.has_next_page).toBe(false);
		return answer.body.data as any[];
	};

	it(`says it syncs ${emr === 'dentrix' ? 'Dentrix' : 'Eaglesoft'}, green both ways, for its one location`, async () => {
		const status = await fake.call('GET', '/sync_status', { query: { subdomain: fake.scope.subdomain } });
		expect(status.status).toBe(200);
		const [sync] = status.body.data;
		expect(sync.emr).toMatchObject({ name: emr, display_name: emr === 'dentrix' ? 'Dentrix' : 'Eaglesoft', type: 'onprem' });
		expect(sync).toMatchObject({ read_status: 'green', write_status: 'green', locations: [{ id: fake.scope.location_id }] });
		const locations = await fake.call('GET', '/locations');
		expect(locations.body.data).toMatchObject([{ subdomain: fake.scope.subdomain, locations: [{ id: fake.scope.location_id, tz: 'America/New_York' }] }]);
	});

	it('has a believable practice: ≥40 patients in ≥14 families with guarantors, 4 providers, a year of charges with claims paid and still out', async () => {
		const patients = await all('/patients');
		expect(patients.length).toBeGreaterThanOrEqual(40);
		const guarantors = new Set(patients.map((p) => p.guarantor_id));
		expect(guarantors.size).toBeGreaterThanOrEqual(14);
		for (const id of guarantors) expect(patients.find((p) => p.id === id)?.guarantor_id).toBe(id);
		expect(patients.every((p) => p.foreign_id !== String(p.id) && p.foreign_id_type.includes(emr))).toBe(true);
		const providers = (await fake.call('GET', '/providers', { query: { subdomain: fake.scope.subdomain, per_page: 100 } })).body.data;
		expect(providers).toHaveLength(4);
		const charges = await all('/charges', { updated_since: '2000-01-01T00:00:00Z', 'include[]': 'claim_payouts' });
		expect(charges.length).toBeGreaterThan(150);
		const dates = charges.map((c) => c.charged_at as string).sort();
		expect(dates[0]! < '2025-12-31').toBe(true);
		expect(dates.at(-1)! >= '2026-11-13').toBe(true);
		const payouts = charges.flatMap((c) => c.claim_payouts);
		expect(payouts.some((p) => cents(p.insurance_payment.amount) > 0)).toBe(true);
		expect(payouts.some((p) => cents(p.insurance_payment.amount) === 0 && cents(p.estimated_insurance_payment.amount) > 0)).toBe(true);
		expect(payouts.some((p) => cents(p.write_off.amount) > 0)).toBe(true);
	});

	it('signs the ledger as NexHealth does: charges and debit adjustments positive, payments and credit adjustments negative', async () => {
		const since = { updated_since: '2000-01-01T00:00:00Z' };
		const payments = await all('/payments', since);
		expect(payments.length).toBeGreaterThan(40);
		expect(payments.every((p) => /^-\d+\.\d{2}$/.test(p.payment_amount.amount))).toBe(true);
		expect(payments.some((p) => p.insurance_plan_id !== null && p.claim_id !== null)).toBe(true);
		expect(payments.some((p) => p.insurance_plan_id === null)).toBe(true);
		// Eaglesoft posts patient payments to line items; Dentrix mostly to the account.
		const patientPayments = payments.filter((p) => p.insurance_plan_id === null);
		const linked = patientPayments.filter((p) => p.charge_id !== null).length / patientPayments.length;
		expect(emr === 'eaglesoft' ? linked > 0.8 : linked < 0.2).toBe(true);
		const adjustments = await all('/adjustments', since);
		expect(adjustments.some((a) => cents(a.adjustment_amount.amount) > 0)).toBe(true);
		expect(adjustments.some((a) => cents(a.adjustment_amount.amount) < 0 && a.claim_id !== null)).toBe(true);
		const types = new Map((await all('/adjustment_types')).map((t) => [t.id, t.action]));
		for (const a of adjustments) expect(types.get(a.adjustment_type_id)).toBe(cents(a.adjustment_amount.amount) < 0 ? 'credit' : 'debit');
	});

	it('lists the PMS payment types (cash, check, card, CareCredit, ACH) active by default, the retired one with active=false', async () => {
		const active = await all('/payment_types');
		const names = active.map((t) => t.name).join(' | ');
		for (const word of ['Cash', 'Check', 'CareCredit']) expect(names).toContain(word);
		expect(names).toMatch(emr === 'dentrix' ? /Credit Card Payment - Thank You.*Electronic Payment/ : /Visa\/MasterCard.*ACH\/EFT/);
		expect(active.every((t) => t.active)).toBe(true);
		const inactive = await all('/payment_types', { active: false });
		expect(inactive).toHaveLength(1);
		expect(inactive[0].active).toBe(false);
		const one = await fake.call('GET', `/payment_types/${active[0].id}`, { query: { subdomain: fake.scope.subdomain } });
		expect(one.body.data).toEqual(active[0]);
	});

	it('gives a family its balance: charges + adjustments + payments, split into insurance estimate, write-off estimate, guarantor portion and aging', async () => {
		const balances = await all('/guarantor_balances', { updated_since: '2000-01-01T00:00:00Z', show_zero_balances: true });
		const patients = await all('/patients');
		expect(balances.length).toBe(new Set(patients.map((p) => p.guarantor_id)).size);
		for (const balance of balances.slice(0, 6)) {
			const family = { guarantor_id: balance.guarantor_id };
			const sum = (rows: any[], key: string) => rows.reduce((total, row) => total + cents(row[key].amount), 0);
			const total = sum(await all('/charges', family), 'fee') + sum(await all('/adjustments', family), 'adjustment_amount') + sum(await all('/payments', family), 'payment_amount');
			expect(cents(balance.total_balance.amount)).toBe(total);
			const aged = ['total_balance_under_30', 'total_balance_31_60', 'total_balance_61_90', 'total_balance_over_90'].reduce((s, k) => s + cents(balance[k].amount), 0);
			expect(aged).toBe(total);
			expect(cents(balance.guarantor_portion.amount)).toBe(total - cents(balance.insurance_estimate.amount) - cents(balance.write_off_estimate.amount));
		}
		const owing = await all('/guarantor_balances', { updated_since: '2000-01-01T00:00:00Z' });
		expect(owing.every((b) => cents(b.total_balance.amount) !== 0)).toBe(true);
		const single = await fake.call('GET', `/guarantor_balances/${balances[0].id}`, { query: { 'include[]': 'guarantor' } });
		expect(single.body.data).toMatchObject({ ...balances[0], guarantor: { id: balances[0].guarantor_id } });
	});

	it('answers a patient with the family and ledger it asks for (include[])', async () => {
		const [guarantor] = (await fake.call('GET', '/patients', { query: { ...fake.scope, per_page: 1 } })).body.data;
		const answer = await fake.call('GET', `/patients/${guarantor.id}`, { query: { subdomain: fake.scope.subdomain, 'include[]': ['children', 'guarantor', 'provider', 'charges', 'payments', 'adjustments', 'address', 'upcoming_appts'] } });
		expect(answer.status).toBe(200);
		const patient = answer.body.data;
		expect(patient).toMatchObject({ id: guarantor.id, guarantor_id: guarantor.id, location_ids: [fake.scope.location_id], guarantor: { id: guarantor.id }, upcoming_appts: [] });
		expect(patient.children.every((c: any) => c.id !== guarantor.id)).toBe(true);
		expect(patient.charges.every((c: any) => c.patient_id === guarantor.id)).toBe(true);
		const charge = patient.charges[0];
		const detail = await fake.call('GET', `/charges/${charge.id}`, { query: { subdomain: fake.scope.subdomain, 'include[]': ['patient', 'provider', 'guarantor', 'procedure', 'claims', 'claim_payouts', 'totals'] } });
		expect(detail.body.data).toMatchObject({ id: charge.id, patient: { id: guarantor.id }, procedure: { code: charge.procedure_code } });
		const payment = (await all('/payments', { guarantor_id: guarantor.id }))[0];
		const paid = await fake.call('GET', `/payments/${payment.id}`, { query: { subdomain: fake.scope.subdomain, 'include[]': ['patient', 'provider', 'guarantor', 'claim', 'charge', 'payment_type'] } });
		expect(paid.body.data).toMatchObject({ id: payment.id, guarantor: { id: guarantor.id }, payment_type: { id: payment.payment_type_id } });
		const adjustment = (await all('/adjustments', { guarantor_id: guarantor.id }))[0];
		if (adjustment) expect((await fake.call('GET', `/adjustments/${adjustment.id}`, { query: { subdomain: fake.scope.subdomain, 'include[]': ['adjustment_type', 'charge', 'claim'] } })).body.data).toMatchObject({ id: adjustment.id, adjustment_type: { id: adjustment.adjustment_type_id } });
	});

	it('filters as documented: payments by patient, deleted rows only with include_deleted, patients by name and date of birth', async () => {
		const since = { updated_since: '2000-01-01T00:00:00Z' };
		const live = await all('/payments', since);
		const withDeleted = await all('/payments', { ...since, include_deleted: true });
		expect(withDeleted.length).toBeGreaterThanOrEqual(live.length);
		expect(withDeleted.filter((p) => p.deleted_at !== null)).toHaveLength(withDeleted.length - live.length);
		const patient = live[0].patient_id;
		expect((await all('/payments', { patient_id: patient })).every((p) => p.patient_id === patient)).toBe(true);
		const [someone] = (await fake.call('GET', '/patients', { query: { ...fake.scope, per_page: 1 } })).body.data;
		const found = await all('/patients', { name: someone.last_name.toUpperCase() });
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((p) => p.last_name === someone.last_name)).toBe(true);
		expect((await all('/patients', { date_of_birth: someone.bio.date_of_birth })).map((p) => p.id)).toContain(someone.id);
		expect(await all('/patients', { name: "%' OR 1=1 --" })).toEqual([]);
	});

	it("refuses what NexHealth refuses: a missing scope, a filterless ledger list, another institution or location, an unknown id", async () => {
		const missing = await fake.call('GET', '/payments', { query: { per_page: 5 }, invalid: true });
		expect(missing.status).toBe(400);
		expect(missing.body).toMatchObject({ code: false, error: ['subdomain is missing', 'location_id is missing'] });
		const noFilter = await fake.call('GET', '/payments', { query: fake.scope });
		expect(noFilter.status).toBe(400);
		expect(noFilter.body.error[0]).toMatch(/at least one parameter must be provided/);
		expect((await fake.call('GET', '/charges', { query: { ...fake.scope, subdomain: 'someone-else', patient_id: 1001 } })).status).toBe(403);
		const elsewhere = await fake.call('GET', '/charges', { query: { ...fake.scope, location_id: 1, patient_id: 1001 } });
		expect(elsewhere.status).toBe(403);
		expect(elsewhere.body.error).toEqual(["You don't have access to location 1."]);
		const unknown = await fake.call('GET', '/payments/12345', { query: { subdomain: fake.scope.subdomain } });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toEqual(["Couldn't find Payment with 'id'=12345"]);
		const badId = await fake.call('GET', '/patients/abc', { query: { subdomain: fake.scope.subdomain }, invalid: true });
		expect(badId.status).toBe(400);
		const badValue = await fake.call('GET', '/charges', { query: { ...fake.scope, patient_id: '1e3' }, invalid: true });
		expect(badValue.body.error).toEqual(['patient_id must be a whole number from 1 to 2147483647']);
		// A parameter the endpoint does not have is ignored, with a remark (NexHealth's docs, response-body).
		const remark = await fake.call('GET', '/payment_types', { query: { ...fake.scope, colour: 'blue' }, invalid: true });
		expect(remark.status).toBe(200);
		expect(remark.body).toMatchObject({ code: true, error: ['"colour" is not a parameter of this endpoint and was ignored'] });
	});
});

describe('the seeded practice', () => {
	/** The statements the seed would run, captured instead of run: the practice, row for row. */
	async function seedStatements(emr: 'dentrix' | 'eaglesoft'): Promise<string> {
		const statements: unknown[] = [];
		const tx = { query: async (text: string, params: readonly unknown[] = []) => (statements.push([text, params]), []), exec: async () => undefined } as unknown as SqlTx;
		await seedNexPractice(tx, { emr, today: '2026-11-23', now: new Date('2026-11-23T15:00:00Z'), timeZone: 'America/New_York' });
		return JSON.stringify(statements);
	}

	it('is the same every time for the same PMS and day, and differs between Dentrix and Eaglesoft', async () => {
		const [a, b, c] = await Promise.all([seedStatements('dentrix'), seedStatements('dentrix'), seedStatements('eaglesoft')]);
		expect(a.length).toBeGreaterThan(10_000);
		expect(a).toBe(b);
		expect(a).not.toBe(c);
	});
});
