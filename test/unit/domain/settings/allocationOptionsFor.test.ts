import { describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import type { Ledger } from '$lib/domain/ledger/ledger';
import { cents } from '$lib/domain/money/cents';
import { allocationOptionsFor } from '$lib/domain/settings/allocationOptionsFor';
import { DEFAULT_SETTINGS, pmsOptionsSchema, type PmsOptions } from '$lib/domain/settings/practiceSettings';

const procedure = (id: string, patientId: string, date: string, fee: number) => ({ id, patientId, providerId: '201', clinicId: null, date, status: 'complete' as const, fee: cents(fee), units: 1, claims: [] });
const ledger: Ledger = {
	patients: [
		{ id: '1001', guarantorId: '1001', primaryProviderId: '201' },
		{ id: '1002', guarantorId: '1001', primaryProviderId: '201' }
	],
	unearnedTypes: [{ id: 'unapplied', name: 'Unapplied credit', hidden: false }],
	procedures: [procedure('50001', '1001', '2026-03-02', 8000), procedure('50002', '1002', '2026-11-23', 6000), procedure('50003', '1001', '2026-11-23', 3000)],
	adjustments: [],
	splits: []
};
const preferences = (payDateChargesFirst: boolean): PmsOptions['preferences'] => ({ prepaymentType: 'unapplied', subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, clinicsEnabled: false, order: 'oldest_first', payDateChargesFirst });
const allocate = (payDateChargesFirst: boolean, payFirst: string[] = []) => {
	const result = allocatePayment({
		payment: { patientId: '1001', amount: cents(9000), payDate: '2026-11-23', clinicId: null },
		mode: 'allocate',
		options: allocationOptionsFor(DEFAULT_SETTINGS, preferences(payDateChargesFirst), { payFirst }, { payDate: '2026-11-23', ledger }),
		ledger
	});
	if (!result.ok) throw new Error(result.error.message);
	return result.splits.map((s) => [s.procedureId, s.amount]);
};

describe('a PMS that pays the charges of the payment’s date first (Eaglesoft’s walkout rule)', () => {
	it('pays today’s charges of the family before older ones', () => {
		expect(allocate(true)).toEqual([
			['50002', 6000],
			['50003', 3000]
		]);
	});

	it('without the rule, the oldest balance is paid first', () => {
		expect(allocate(false)).toEqual([
			['50001', 8000],
			['50002', 1000]
		]);
	});

	it('keeps the staff’s own picks, each charge once', () => {
		const options = allocationOptionsFor(DEFAULT_SETTINGS, preferences(true), { payFirst: ['50003', '50001'] }, { payDate: '2026-11-23', ledger });
		expect(options.payFirst).toEqual(['50003', '50001', '50002']);
	});

	it('options cached by an older bridge, without the field, read as false', () => {
		const { payDateChargesFirst: _, ...old } = preferences(true);
		const parsed = pmsOptionsSchema.parse({ paymentTypes: [], unearnedTypes: [], clinics: [], providers: [], preferences: old, capabilities: { writableModes: ['allocate'] } });
		expect(parsed.preferences.payDateChargesFirst).toBe(false);
	});
});
