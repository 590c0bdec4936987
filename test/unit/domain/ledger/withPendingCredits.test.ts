import { describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { ledgerSchema } from '$lib/domain/ledger/ledger';
import { withPendingCredits } from '$lib/domain/ledger/withPendingCredits';
import { familyBalance } from '$lib/domain/ledger/familyBalance';
import { cents } from '$lib/domain/money/cents';

const ledger = ledgerSchema.parse({
	patients: [
		{ id: '1', guarantorId: '1', primaryProviderId: '7' },
		{ id: '2', guarantorId: '1', primaryProviderId: '7' }
	],
	unearnedTypes: [{ id: '283', name: 'Prepayment', hidden: false }],
	procedures: [
		{ id: '10', patientId: '1', providerId: '7', clinicId: null, date: '2026-01-05', status: 'complete', fee: 10000, units: 1, claims: [] },
		{ id: '11', patientId: '2', providerId: '8', clinicId: null, date: '2026-02-05', status: 'complete', fee: 6000, units: 1, claims: [] }
	],
	adjustments: [],
	splits: []
});
const options = { order: 'oldest_first', preferPatient: false, payFirst: [], subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, prepaymentType: '283', clinicsEnabled: false } as const;
const allocate = (l: typeof ledger, amount: number) => allocatePayment({ payment: { patientId: '1', amount, payDate: '2026-11-23', clinicId: null }, mode: 'allocate', options, ledger: l });

describe('withPendingCredits', () => {
	it('counts a payment not yet in the PMS: the next preview pays what is still owed', () => {
		const first = allocate(ledger, 10000);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		const pending = withPendingCredits(ledger, [{ id: 'p1', patientId: '1', amount: cents(10000), payDate: '2026-11-23', clinicId: null, preview: first.splits }]);
		expect(familyBalance(pending)).toBe(6000);
		const second = allocate(pending, 6000);
		expect(second.ok && second.splits.map((s) => [s.procedureId, s.amount])).toEqual([['11', 6000]]);
	});

	it('counts a pending payment without a preview as unallocated credit of the patient', () => {
		const pending = withPendingCredits(ledger, [{ id: 'p1', patientId: '1', amount: cents(4000), payDate: '2026-11-23', clinicId: null }]);
		expect(pending.splits).toEqual([expect.objectContaining({ patientId: '1', providerId: null, amount: 4000, procedureId: null })]);
		expect(familyBalance(pending)).toBe(12000);
	});

	it('ignores payments of patients outside the family, and previews that do not add up', () => {
		const pending = withPendingCredits(ledger, [
			{ id: 'x', patientId: '99', amount: cents(100), payDate: '2026-11-23', clinicId: null },
			{ id: 'y', patientId: '2', amount: cents(500), payDate: '2026-11-23', clinicId: null, preview: [{ patientId: '2', providerId: '8', clinicId: null, amount: cents(400), procedureId: '11', reason: 'r' }] }
		]);
		expect(pending.splits).toEqual([expect.objectContaining({ patientId: '2', amount: 500, procedureId: null })]);
	});
});
