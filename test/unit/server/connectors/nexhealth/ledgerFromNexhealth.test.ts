import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patientPortion } from '$lib/domain/allocation/patientPortion';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { familyBalance } from '$lib/domain/ledger/familyBalance';
import { ledgerSchema } from '$lib/domain/ledger/ledger';
import { cents } from '$lib/domain/money/cents';
import { ledgerFromNexhealth } from '$lib/server/connectors/nexhealth/ledgerFromNexhealth';
import { nexPreferences } from '$lib/server/connectors/nexhealth/nexPreferences';
import { nexAdjustmentSchema, nexChargeSchema, nexPatientSchema, nexPaymentSchema } from '$lib/server/connectors/nexhealth/nexWire';

/**
 * A small NexHealth family, as GET /patients, /charges?include[]=claim_payouts, /adjustments and
 * /payments answer it (the document's schemas; amounts as strings, signed as NexHealth signs them).
 */
const price = (amount: string) => ({ amount, currency: 'USD' });
const wire = {
	patients: [
		{ id: 1001, first_name: 'Dana', last_name: 'Reyes', guarantor_id: 1001, provider_id: 201, inactive: false, bio: { date_of_birth: '1980-02-03' } },
		{ id: 1002, first_name: 'Leo', last_name: 'Reyes', guarantor_id: 1001, provider_id: 202, inactive: false, bio: {} }
	],
	charges: [
		// An exam with a claim still out: estimated $40 insurance and a $10 write-off → patient owes $50.00.
		{ id: 50001, patient_id: 1001, guarantor_id: 1001, provider_id: 201, procedure_code: 'D0150', description: 'Comprehensive exam', fee: price('100.00'), charged_at: '2026-03-02', deleted_at: null, claim_payouts: [{ estimated_insurance_payment: price('40.00'), insurance_payment: price('0.00'), write_off: price('10.00'), claim_id: 7001 }] },
		// A filling whose claim came back: insurance paid $60 (estimated $70), wrote off $25 → patient owes $115.00.
		{ id: 50002, patient_id: 1002, guarantor_id: 1001, provider_id: 202, procedure_code: 'D2391', description: 'Resin', fee: price('200.00'), charged_at: '2026-04-10', deleted_at: null, claim_payouts: [{ estimated_insurance_payment: price('70.00'), insurance_payment: price('60.00'), write_off: price('25.00'), claim_id: 7002 }] },
		// No insurance: the patient owes the fee, $80.00; partly paid by a linked payment below.
		{ id: 50003, patient_id: 1002, guarantor_id: 1001, provider_id: 202, procedure_code: 'D1110', description: 'Prophy', fee: price('80.00'), charged_at: '2026-11-23', deleted_at: null, claim_payouts: [] },
		// Deleted in the PMS: not a charge.
		{ id: 50004, patient_id: 1001, guarantor_id: 1001, provider_id: 201, procedure_code: 'D0274', fee: price('90.00'), charged_at: '2026-03-02', deleted_at: '2026-03-03T10:00:00Z', claim_payouts: [] }
	],
	adjustments: [
		// The write-off of claim 7002, which its payout already takes: not counted twice.
		{ id: 90001, patient_id: 1002, guarantor_id: 1001, provider_id: 202, adjustment_amount: price('-25.00'), adjusted_at: '2026-05-01', charge_id: 50002, claim_id: 7002, description: 'PPO write-off' },
		// A senior discount on the exam: a credit, attached to it.
		{ id: 90002, patient_id: 1001, guarantor_id: 1001, provider_id: 201, adjustment_amount: price('-5.00'), adjusted_at: '2026-03-02', charge_id: 50001, claim_id: null, description: 'Senior discount' },
		// A missed-appointment fee: a debit, on no charge.
		{ id: 90003, patient_id: 1001, guarantor_id: 1001, provider_id: 201, adjustment_amount: price('50.00'), adjusted_at: '2026-06-01', charge_id: null, claim_id: null, description: 'Missed appointment' }
	],
	payments: [
		// Insurance's payment on claim 7002 (Eaglesoft posts it to the line item): in the payout already.
		{ id: 70001, patient_id: 1002, guarantor_id: 1001, provider_id: 202, payment_amount: price('-60.00'), paid_at: '2026-05-01', transaction_id: null, charge_id: 50002, claim_id: 7002, insurance_plan_id: 3101, payment_type_id: 17 },
		// The patient paid $30 on the prophy (linked) …
		{ id: 70002, patient_id: 1002, guarantor_id: 1001, provider_id: 202, payment_amount: price('-30.00'), paid_at: '2026-11-23', transaction_id: null, charge_id: 50003, claim_id: null, insurance_plan_id: null, payment_type_id: 11 },
		// … and $20 to the account (Dentrix's way: no charge).
		{ id: 70003, patient_id: 1001, guarantor_id: 1001, provider_id: null, payment_amount: price('-20.00'), paid_at: '2026-06-02', transaction_id: null, charge_id: null, claim_id: null, insurance_plan_id: null, payment_type_id: 11 },
		// A payment of another family's patient that a guarantor filter let through: not this family's.
		{ id: 70004, patient_id: 2001, guarantor_id: 1001, provider_id: 201, payment_amount: price('-99.00'), paid_at: '2026-06-02', charge_id: null, claim_id: null, insurance_plan_id: null, payment_type_id: 11 }
	]
};
const rows = {
	patients: z.array(nexPatientSchema).parse(wire.patients),
	charges: z.array(nexChargeSchema).parse(wire.charges),
	adjustments: z.array(nexAdjustmentSchema).parse(wire.adjustments),
	payments: z.array(nexPaymentSchema).parse(wire.payments)
};

describe('NexHealth → Paysplit ledger', () => {
	const ledger = ledgerFromNexhealth(rows);

	it('is a valid ledger, in id order', () => {
		expect(ledgerSchema.parse(ledger)).toEqual(ledger);
		expect(ledger.patients.map((p) => [p.id, p.guarantorId, p.primaryProviderId])).toEqual([
			['1001', '1001', '201'],
			['1002', '1001', '202']
		]);
	});

	it('a charge’s patient portion is its fee less, per claim payout, the insurance payment once received (else the estimate) and the write-off', () => {
		const portion = Object.fromEntries(ledger.procedures.map((p) => [p.id, patientPortion(p, true)]));
		expect(portion).toEqual({ '50001': 5000, '50002': 11500, '50003': 8000 });
	});

	it('prior patient payments link to their charge; account payments stay free credit; insurance payments and claim write-offs are not counted twice', () => {
		expect(ledger.splits.map((s) => [s.id, s.amount, s.procedureId, s.providerId])).toEqual([
			['70002', 3000, '50003', '202'],
			['70003', 2000, null, null]
		]);
		expect(ledger.adjustments.map((a) => [a.id, a.amount, a.procedureId])).toEqual([
			['90002', -500, '50001'],
			['90003', 5000, null]
		]);
		// 50 + 115 + 80 − 5 + 50 − 30 − 20 = $240.00
		expect(familyBalance(ledger, nexPreferences('dentrix').subtractInsuranceEstimates)).toBe(24000);
	});

	it('the engine pays the oldest balance first over it, and leaves the remainder unapplied', () => {
		const preferences = nexPreferences('dentrix');
		const result = allocatePayment({
			payment: { patientId: '1001', amount: cents(30000), payDate: '2026-11-23', clinicId: null },
			mode: 'allocate',
			options: { ...preferences, preferPatient: false, payFirst: [] },
			ledger
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const total = result.splits.reduce((sum, s) => sum + s.amount, 0);
		expect(total).toBe(30000);
		// $240 owed: every charge paid, $60 left as unapplied credit.
		expect(result.splits.filter((s) => s.unearnedType === 'unapplied').map((s) => s.amount)).toEqual([6000]);
		expect(result.splits[0]?.procedureId).toBe('50001');
	});
});
