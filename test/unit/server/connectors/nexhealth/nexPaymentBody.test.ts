import { describe, expect, it } from 'vitest';
import { cents } from '$lib/domain/money/cents';
import type { PmsPaymentRequest } from '$lib/server/connectors/PmsConnector';
import { nexPaidAt } from '$lib/server/connectors/nexhealth/nexPaidAt';
import { nexPaymentBody } from '$lib/server/connectors/nexhealth/nexPaymentBody';
import { nexTransactionId } from '$lib/server/connectors/nexhealth/nexTransactionId';

const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const request = (over: Partial<PmsPaymentRequest> = {}): PmsPaymentRequest => ({
	paymentId: id,
	patientId: '1001',
	amount: cents(15025),
	payDate: '2026-11-23',
	paymentTypeId: '11',
	clinicId: null,
	description: 'check #1042 · taken by Ana',
	mode: 'allocate',
	splits: [
		{ patientId: '1001', providerId: '201', clinicId: null, amount: cents(4000), procedureId: '50001', reason: '' },
		{ patientId: '1002', providerId: '202', clinicId: null, amount: cents(1025), procedureId: '50002', reason: '' },
		{ patientId: '1001', providerId: '201', clinicId: null, amount: cents(5000), adjustmentId: '90003', reason: '' },
		{ patientId: '1001', providerId: null, clinicId: null, amount: cents(5000), unearnedType: 'unapplied', reason: '' }
	],
	...over
});

describe('POST /payments body', () => {
	it('allocate: charge_splits are Paysplit’s splits onto charges, negative decimal dollars; the remainder gets none', () => {
		const body = nexPaymentBody(request(), 'America/New_York');
		expect(body).toEqual({
			ok: true,
			value: {
				payment: {
					patient_id: 1001,
					amount: -150.25,
					currency: 'USD',
					payment_type_id: 11,
					transaction_id: 'PAYSPLIT:0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
					paid_at: '2026-11-23T12:00:00-05:00',
					charge_splits: { '50001': -40, '50002': -10.25 },
					notes: `Paysplit ${id} · check #1042 · taken by Ana`
				}
			}
		});
	});

	it('post only: no splits at all', () => {
		const body = nexPaymentBody(request({ mode: 'post_only' }), 'America/New_York');
		expect(body.ok && 'charge_splits' in body.value.payment).toBe(false);
	});

	it('two splits on one charge are sent as one', () => {
		const twice = request({ splits: [{ patientId: '1001', providerId: '201', clinicId: null, amount: cents(100), procedureId: '50001', reason: '' }, { patientId: '1001', providerId: '201', clinicId: null, amount: cents(250), procedureId: '50001', reason: '' }] });
		const body = nexPaymentBody(twice, 'UTC');
		expect(body.ok && body.value.payment.charge_splits).toEqual({ '50001': -3.5 });
	});

	it('refuses what must not be sent: a refund, splits over the amount, ids that are not NexHealth’s', () => {
		expect(nexPaymentBody(request({ amount: cents(-100) }), 'UTC').ok).toBe(false);
		expect(nexPaymentBody(request({ amount: cents(4000) }), 'UTC')).toEqual({ ok: false, error: "the splits add up to 5025 cents, more than the payment's 4000" });
		expect(nexPaymentBody(request({ paymentTypeId: 'cash' }), 'UTC').ok).toBe(false);
		expect(nexPaymentBody(request({ patientId: '0' }), 'UTC').ok).toBe(false);
	});

	it('the transaction id fits NexHealth’s 50 characters', () => {
		expect(nexTransactionId(id)).toHaveLength(41);
		expect(() => nexTransactionId('x'.repeat(60))).toThrow(RangeError);
	});

	it('paid_at is the payDate at noon in the practice’s zone, with that day’s offset', () => {
		expect(nexPaidAt('2026-07-04', 'America/New_York')).toBe('2026-07-04T12:00:00-04:00');
		expect(nexPaidAt('2026-03-08', 'America/New_York')).toBe('2026-03-08T12:00:00-04:00'); // the day clocks spring forward
		expect(nexPaidAt('2026-11-01', 'America/Chicago')).toBe('2026-11-01T12:00:00-06:00'); // and fall back
		expect(nexPaidAt('2026-11-23', 'Asia/Kolkata')).toBe('2026-11-23T12:00:00+05:30');
		expect(nexPaidAt('2026-11-23', 'UTC')).toBe('2026-11-23T12:00:00+00:00');
		// The UTC date of noon local is the payDate (NexHealth reads paid_at back as a UTC date), for every
		// zone from UTC−11 to UTC+11; beyond (New Zealand's summer, UTC+13) it is not.
		for (const zone of ['Pacific/Honolulu', 'America/Anchorage', 'Europe/Berlin', 'Asia/Tokyo']) expect(new Date(nexPaidAt('2026-11-23', zone)).toISOString().slice(0, 10)).toBe('2026-11-23');
		expect(new Date(nexPaidAt('2026-11-23', 'Pacific/Auckland')).toISOString().slice(0, 10)).toBe('2026-11-22');
	});
});
