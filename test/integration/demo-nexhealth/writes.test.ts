import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startNexFake, type NexFake } from '../../support/demoNexhealth';

/**
 * POST /payments as NexHealth does it: checked, queued and answered 202 with no body; in the PMS
 * (and in GET /payments) only a sync later, as one row per charge split plus one for the remainder,
 * all with the request's transaction_id; never deduplicated; held while the write side is red.
 */
let fake: NexFake;
let family: { guarantor: number; patient: number; charges: { id: number; patient_id: number; provider_id: number }[]; paymentType: number };

beforeAll(async () => {
	fake = await startNexFake({ emr: 'dentrix', syncSeconds: 0.2 });
	// A family with at least three charges, and a member other than the guarantor.
	const patients = (await fake.call('GET', '/patients', { query: { ...fake.scope, per_page: 1000 } })).body.data as { id: number; guarantor_id: number }[];
	for (const guarantor of new Set(patients.map((p) => p.guarantor_id))) {
		const members = patients.filter((p) => p.guarantor_id === guarantor);
		const charges = (await fake.call('GET', '/charges', { query: { ...fake.scope, guarantor_id: guarantor, per_page: 1000 } })).body.data;
		if (members.length >= 2 && charges.length >= 3) {
			family = { guarantor, patient: guarantor, charges, paymentType: 0 };
			break;
		}
	}
	family.paymentType = (await fake.call('GET', '/payment_types', { query: fake.scope })).body.data[0].id;
});
afterAll(async () => {
	fake.recorder.assertNoProblems();
	await fake.close();
});

let sequence = 0;
const tid = () => `PAYSPLIT:${Date.now().toString(16)}${(++sequence).toString().padStart(4, '0')}`;
const post = (payment: Record<string, unknown>, options: { invalid?: boolean; query?: Record<string, string | number> } = {}) =>
	fake.call('POST', '/payments', { query: options.query ?? fake.scope, body: { payment }, invalid: options.invalid });
const rowsOf = async (transactionId: string) => (await fake.call('GET', '/payments', { query: { ...fake.scope, transaction_id: transactionId, per_page: 1000 } })).body.data as any[];
const landed = (transactionId: string, count: number) => eventually(async () => ((await rowsOf(transactionId)).length >= count ? rowsOf(transactionId) : undefined), 5000, `${count} rows of ${transactionId}`);
const writes = async () => Number((await fake.sql.query<{ n: number }>(`SELECT count(*)::integer AS n FROM nexhealth.write_request`))[0]?.n);
const balance = async () => Number((await fake.call('GET', '/guarantor_balances', { query: { ...fake.scope, guarantor_id: family.guarantor, show_zero_balances: true } })).body.data[0].total_balance.amount);

describe('POST /payments', () => {
	it('answers 202 with no body, shows nothing at once, and lands a sync later as one row per charge split plus the remainder', async () => {
		const [a, b] = family.charges;
		const transactionId = tid();
		const before = await balance();
		const answer = await post({ patient_id: family.patient, amount: -150.25, payment_type_id: family.paymentType, transaction_id: transactionId, paid_at: '2026-11-23T12:00:00Z', charge_splits: { [a!.id]: -40, [b!.id]: '-10.25' }, notes: 'Paysplit 1' });
		expect(answer.status).toBe(202);
		expect(answer.text).toBe('');
		expect(await rowsOf(transactionId)).toEqual([]);
		const rows = await landed(transactionId, 3);
		expect(rows.map((r) => [r.charge_id, r.payment_amount.amount])).toEqual([
			[a!.id, '-40.00'],
			[b!.id, '-10.25'],
			[null, '-100.00']
		]);
		expect(rows[0]).toMatchObject({ patient_id: a!.patient_id, provider_id: a!.provider_id, guarantor_id: family.guarantor });
		expect(rows[2]).toMatchObject({ patient_id: family.patient, charge_id: null });
		for (const row of rows) expect(row).toMatchObject({ transaction_id: transactionId, paid_at: '2026-11-23', payment_type_id: family.paymentType, location_id: fake.scope.location_id, deleted_at: null });
		expect(await balance()).toBeCloseTo(before - 150.25, 2);
	});

	it('does not deduplicate: the same transaction_id posted twice lands twice', async () => {
		const transactionId = tid();
		const payment = { patient_id: family.patient, amount: -20, payment_type_id: family.paymentType, transaction_id: transactionId };
		expect((await post(payment)).status).toBe(202);
		expect((await post(payment)).status).toBe(202);
		const rows = await landed(transactionId, 2);
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.payment_amount.amount === '-20.00' && r.charge_id === null)).toBe(true);
	});

	it('writes no remainder row when the splits use the whole amount', async () => {
		const transactionId = tid();
		const [, , c] = family.charges;
		expect((await post({ patient_id: family.patient, amount: -12.5, payment_type_id: family.paymentType, transaction_id: transactionId, charge_splits: { [c!.id]: -12.5 } })).status).toBe(202);
		await fake.demo.syncNow();
		expect((await rowsOf(transactionId)).map((r) => [r.charge_id, r.payment_amount.amount])).toEqual([[c!.id, '-12.50']]);
	});

	it("dates a payment on the location's own day (paid_at 03:30 UTC is the evening before in New York)", async () => {
		const transactionId = tid();
		await post({ patient_id: family.patient, amount: -5, payment_type_id: family.paymentType, transaction_id: transactionId, paid_at: '2026-11-21T03:30:00Z' });
		const [row] = await landed(transactionId, 1);
		expect(row.paid_at).toBe('2026-11-20');
	});

	it('holds writes while the write side is red, says so in sync_status, and lands them a sync after it is green again', async () => {
		const red = await fake.control('PUT', '/_demo/sync_status', { write: 'red' });
		expect(red.body.data.write).toBe('red');
		const status = (await fake.call('GET', '/sync_status')).body.data[0];
		expect(status).toMatchObject({ write_status: 'red', read_status: 'green' });
		expect((await fake.call('GET', '/sync_status', { query: { write_status: 'green' } })).body.data).toEqual([]);
		const transactionId = tid();
		expect((await post({ patient_id: family.patient, amount: -7, payment_type_id: family.paymentType, transaction_id: transactionId })).status).toBe(202);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(await fake.demo.syncNow()).toBe(0);
		expect(await rowsOf(transactionId)).toEqual([]);
		await fake.control('PUT', '/_demo/sync_status', { write: 'green' });
		expect(await landed(transactionId, 1)).toHaveLength(1);
	});

	it('takes the deprecated type_name for a payment type of the location', async () => {
		const types = (await fake.call('GET', '/payment_types', { query: fake.scope })).body.data;
		const transactionId = tid();
		expect((await post({ patient_id: family.patient, amount: -3, type_name: types[1].name, transaction_id: transactionId }, { invalid: false })).status).toBe(202);
		await fake.demo.syncNow();
		expect((await rowsOf(transactionId))[0].payment_type_id).toBe(types[1].id);
	});

	it('writes a Dentrix refund (a positive amount) as a debit adjustment with its transaction_id, not as a payment', async () => {
		const transactionId = tid();
		expect((await post({ patient_id: family.patient, amount: 25, payment_type_id: family.paymentType, transaction_id: transactionId })).status).toBe(202);
		await fake.demo.syncNow();
		expect(await rowsOf(transactionId)).toEqual([]);
		const adjustments = (await fake.call('GET', '/adjustments', { query: { ...fake.scope, guarantor_id: family.guarantor, per_page: 1000 } })).body.data.filter((a: any) => a.transaction_id === transactionId);
		expect(adjustments).toHaveLength(1);
		expect(adjustments[0].adjustment_amount.amount).toBe('25.00');
		const type = (await fake.call('GET', `/adjustment_types/${adjustments[0].adjustment_type_id}`, { query: { subdomain: fake.scope.subdomain } })).body.data;
		expect(type).toMatchObject({ action: 'debit', name: expect.stringMatching(/Refund/) });
	});

	it("refuses, with NexHealth's words and nothing queued, what NexHealth refuses", async () => {
		const before = await writes();
		const [a] = family.charges;
		const ok = { patient_id: family.patient, amount: -10, payment_type_id: family.paymentType, transaction_id: 'PAYSPLIT:refused' };
		const other = (await fake.call('GET', '/charges', { query: { ...fake.scope, updated_since: '2000-01-01T00:00:00Z', per_page: 1000 } })).body.data.find((c: any) => c.guarantor_id !== family.guarantor);
		const retired = (await fake.call('GET', '/payment_types', { query: { ...fake.scope, active: false } })).body.data[0];
		const cases: [Record<string, unknown> | undefined, RegExp | string, boolean][] = [
			[{ ...ok, patient_id: 999_999 }, `Patient with ID 999999 not found in location ${fake.scope.location_id}`, false],
			[{ ...ok, payment_type_id: 999 }, `Payment Type with id 999 not found in location ${fake.scope.location_id}`, false],
			[{ ...ok, payment_type_id: retired.id }, `Payment Type with id ${retired.id} not found in location ${fake.scope.location_id}`, false],
			[{ ...ok, transaction_id: 'x'.repeat(51) }, /payment\[transaction_id\] is invalid: must be at most 50 characters/, true],
			[{ ...ok, payment_type_id: undefined }, /payment\[payment_type_id\], payment\[type_name\] are missing/, false],
			[{ amount: -10 }, /payment\[patient_id\] is missing/, true],
			[{ ...ok, amount: 0 }, /must not be 0/, false],
			[{ ...ok, amount: -10.005 }, /payment\[amount\] is invalid: must be an amount in decimal dollars with at most 2 decimals/, false],
			[{ ...ok, amount: 'ten' }, /payment\[amount\] is invalid/, true],
			[{ ...ok, currency: 'EUR' }, /only USD/, false],
			[{ ...ok, paid_at: 'yesterday' }, /payment\[paid_at\] is invalid/, true],
			[{ ...ok, charge_splits: { [a!.id]: -11 } }, /add up to -11.00, more than the amount -10.00/, false],
			[{ ...ok, charge_splits: { [a!.id]: 5 } }, /must have the sign of the amount/, false],
			[{ ...ok, charge_splits: { 123: -5 } }, `Charge with id 123 not found in location ${fake.scope.location_id}`, false],
			[{ ...ok, charge_splits: { [other.id]: -5 } }, `Charge with id ${other.id} is not on the account of patient ${family.patient}`, false],
			[{ ...ok, charge_splits: { abc: -5 } }, /payment\[charge_splits\] is invalid: has "abc": a charge id/, false],
			[{ ...ok, provider_splits: { 77: -10 } }, `Provider with id 77 not found in location ${fake.scope.location_id}`, false],
			[{ ...ok, notes: 'card 4111 1111 1111 1111' }, /payment\[notes\] is invalid: looks like a card number/, false],
			[undefined, 'payment is missing', true]
		];
		for (const [payment, message, invalid] of cases) {
			const answer = payment === undefined ? await fake.call('POST', '/payments', { query: fake.scope, body: {}, invalid }) : await post(payment, { invalid });
			expect(answer.status, JSON.stringify(payment)).toBe(400);
			expect(answer.body.code).toBe(false);
			expect(answer.body.error.join(' | ')).toMatch(message);
		}
		expect((await post(ok, { query: { ...fake.scope, location_id: 1 } })).status).toBe(403);
		expect((await post(ok, { query: { location_id: fake.scope.location_id }, invalid: true })).body.error).toEqual(['subdomain is missing']);
		const notJson = await fake.call('POST', '/payments', { query: fake.scope, body: '{"payment":', invalid: true });
		expect(notJson.body.error).toEqual(['The body is not JSON in UTF-8']);
		const plain = await fake.call('POST', '/payments', { query: fake.scope, body: JSON.stringify({ payment: ok }), headers: { 'content-type': 'text/plain' }, invalid: true });
		expect(plain.body.error).toEqual(['The body must be JSON, sent with Content-Type: application/json']);
		expect(await writes()).toBe(before);
	});
});

describe('POST /payments on Eaglesoft', () => {
	it('writes a refund as a positive payment', async () => {
		const eaglesoft = await startNexFake({ emr: 'eaglesoft', syncSeconds: 0.05 });
		try {
			const [patient] = (await eaglesoft.call('GET', '/patients', { query: { ...eaglesoft.scope, per_page: 1 } })).body.data;
			const [type] = (await eaglesoft.call('GET', '/payment_types', { query: eaglesoft.scope })).body.data;
			expect((await eaglesoft.call('POST', '/payments', { query: eaglesoft.scope, body: { payment: { patient_id: patient.id, amount: 30, payment_type_id: type.id, transaction_id: 'PAYSPLIT:refund' } } })).status).toBe(202);
			const rows = await eventually(async () => {
				const found = (await eaglesoft.call('GET', '/payments', { query: { ...eaglesoft.scope, transaction_id: 'PAYSPLIT:refund' } })).body.data;
				return found.length > 0 ? found : undefined;
			});
			expect(rows.map((r: any) => r.payment_amount.amount)).toEqual(['30.00']);
			eaglesoft.recorder.assertNoProblems();
		} finally {
			await eaglesoft.close();
		}
	});
});
