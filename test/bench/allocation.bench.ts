import { bench, describe } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { cents } from '$lib/domain/money/cents';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import { ledgerSchema, type Ledger } from '$lib/domain/ledger/ledger';

/** A family ledger of a given size, the same every run (a seeded linear congruential generator). */
function family(procedures: number, adjustments: number, splits: number): Ledger {
	let seed = 42;
	const rand = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	const date = (i: number) => `20${20 + Math.floor(i / 365) % 6}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
	const patients = Array.from({ length: 6 }, (_, i) => ({ id: String(100 + i), guarantorId: '100', primaryProviderId: String(1 + (i % 3)) }));
	return ledgerSchema.parse({
		patients,
		unearnedTypes: [{ id: '283', name: 'Prepayment', hidden: false }],
		procedures: Array.from({ length: procedures }, (_, i) => ({
			id: String(i + 1),
			patientId: String(100 + rand(6)),
			providerId: String(1 + rand(3)),
			clinicId: String(1 + rand(2)),
			date: date(i),
			status: 'complete' as const,
			fee: 5000 + rand(100_000),
			units: 1,
			claims: rand(2) ? [{ status: 'received' as const, insPayAmt: 2000, writeOff: 500 }] : []
		})),
		adjustments: Array.from({ length: adjustments }, (_, i) => ({
			id: String(i + 1),
			patientId: String(100 + rand(6)),
			providerId: String(1 + rand(3)),
			clinicId: String(1 + rand(2)),
			date: date(i * 3),
			amount: rand(2) ? 2500 : -1500,
			procedureId: null
		})),
		splits: Array.from({ length: splits }, (_, i) => ({
			id: String(i + 1),
			paymentId: String(i + 1),
			patientId: String(100 + rand(6)),
			providerId: String(1 + rand(3)),
			clinicId: String(1 + rand(2)),
			date: date(i),
			amount: 1000 + rand(20_000),
			procedureId: rand(3) ? String(1 + rand(procedures)) : null,
			adjustmentId: null,
			unearnedType: null
		}))
	});
}

const input = (ledger: Ledger): AllocationInput => ({
	payment: { patientId: '100', amount: cents(250_000), payDate: '2026-11-23', clinicId: '1' },
	mode: 'allocate',
	options: { order: 'oldest_first', preferPatient: false, payFirst: [], subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, prepaymentType: '283', clinicsEnabled: true },
	ledger
});

const typical = input(family(60, 4, 40));
const large = input(family(2_000, 300, 2_500));

describe('allocatePayment', () => {
	bench('typical family (60 procedures, 4 adjustments, 40 splits)', () => {
		const result = allocatePayment(typical);
		if (!result.ok) throw new Error(result.error.message);
	});
	bench('large family (2,000 procedures, 300 adjustments, 2,500 splits)', () => {
		const result = allocatePayment(large);
		if (!result.ok) throw new Error(result.error.message);
	}, { iterations: 20 });
});
