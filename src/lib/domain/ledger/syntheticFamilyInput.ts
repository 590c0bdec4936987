import type { AllocationInput } from '../allocation/allocationInput';
import type { Cents } from '../money/cents';
import { createPrng } from '../random/createPrng';
import type { Adjustment, Claim, LedgerSplit, Procedure } from './ledger';

/**
 * A synthetic family's allocation input, for benchmarks and the device speed test: the same for the
 * same size and seed (issue 3, item 5: "generated family ledgers"). `entries` is split about 50 % procedures, 15 %
 * adjustments, 35 % prior splits; about half of the adjustments and half of the splits are
 * unattached (no `procedureId`). Eight patients, six providers, three clinics; a third of the
 * procedures carry a claim; some treatment-planned work, refunds, prepayments (visible and hidden),
 * adjustments and splits naming a procedure of another owner. Dates run over about six years, so
 * many entries share a date and rule 2's tie-breaks are exercised.
 */
export function syntheticFamilyInput(entries: number, seed = 20_261_123): AllocationInput {
	const random = createPrng(seed).next;
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const c = (value: number) => value as Cents;

	const patients = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008'];
	const providers = ['1', '2', '3', '4', '5', '6'];
	const clinics = ['1', '2', '3'];
	const codes = ['D0120', 'D0274', 'D1110', 'D2391', 'D2740', 'D4341', undefined];
	const days = 6 * 365;

	const procedureCount = Math.round(entries * 0.5);
	const adjustmentCount = Math.round(entries * 0.15);
	const splitCount = Math.max(0, entries - procedureCount - adjustmentCount);

	const procedures: Procedure[] = [];
	for (let index = 0; index < procedureCount; index++) {
		const fee = between(2_000, 150_000);
		const claims: Claim[] = [];
		const roll = random();
		if (roll < 0.2) claims.push({ status: 'received', insPayAmt: c(Math.floor(fee * 0.5)), writeOff: c(between(0, 2_000)) });
		else if (roll < 0.3) claims.push({ status: 'estimate', insPayEst: c(Math.floor(fee * 0.4)), writeOffEst: c(between(0, 1_000)) });
		else if (roll < 0.33) claims.push({ status: 'not_received', insPayEst: c(Math.floor(fee * 0.6)), writeOffEst: null, noBillIns: random() < 0.3 });
		const procedure: Procedure = {
			id: String(10_000 + index),
			patientId: pick(patients),
			providerId: pick(providers),
			clinicId: pick(clinics),
			date: dayToDate(Math.floor((index / Math.max(1, procedureCount)) * days)),
			status: random() < 0.05 ? 'treatment_planned' : 'complete',
			fee: c(fee),
			units: random() < 0.1 ? between(0, 3) : 1,
			claims
		};
		const code = pick(codes);
		if (code !== undefined) procedure.code = code;
		procedures.push(procedure);
	}

	/** The owner of a linked entry: its target's in nine cases of ten, so most links hold (rules 3, 4). */
	const ownerNear = (target: { patientId: string; providerId: string; clinicId: string | null } | undefined) =>
		target && random() < 0.9
			? { patientId: target.patientId, providerId: target.providerId, clinicId: target.clinicId }
			: { patientId: pick(patients), providerId: pick(providers), clinicId: pick(clinics) };
	/** An entry dated on or a little after its target (or anywhere, if unattached). */
	const dateNear = (target: { date: string } | undefined) =>
		target ? dayToDate(Math.min(days, dateToDay(target.date) + between(0, 60))) : dayToDate(between(0, days));

	const adjustments: Adjustment[] = [];
	for (let index = 0; index < adjustmentCount; index++) {
		const target = procedures.length > 0 && random() < 0.5 ? pick(procedures) : undefined;
		adjustments.push({
			id: String(50_000 + index),
			...ownerNear(target),
			date: dateNear(target),
			amount: c(random() < 0.7 ? -between(500, 20_000) : between(500, 10_000)),
			procedureId: target ? target.id : null
		});
	}

	const splits: LedgerSplit[] = [];
	for (let index = 0; index < splitCount; index++) {
		const attached = random() < 0.5;
		const target = attached && procedures.length > 0 ? pick(procedures) : undefined;
		const adjustment = !attached && adjustments.length > 0 && random() < 0.1 ? pick(adjustments) : undefined;
		const unearned = !target && !adjustment && random() < 0.3;
		const owner = ownerNear(target ?? adjustment);
		const refund = random() < 0.04;
		splits.push({
			id: String(200_000 + index),
			paymentId: String(900_000 + Math.floor(index / 3)),
			patientId: owner.patientId,
			providerId: unearned ? null : owner.providerId,
			clinicId: owner.clinicId,
			date: dateNear(target ?? adjustment),
			amount: c((refund ? -1 : 1) * between(500, target ? Math.max(500, target.fee) : 40_000)),
			procedureId: target ? target.id : null,
			adjustmentId: adjustment ? adjustment.id : null,
			unearnedType: unearned ? (random() < 0.8 ? '283' : '299') : null
		});
	}

	const payFirst = procedures.filter((_, index) => index % Math.max(1, Math.floor(procedureCount / 3)) === 7).map((procedure) => procedure.id);
	return {
		payment: { patientId: '1001', amount: c(2_500_000), payDate: '2026-11-23', clinicId: '1' },
		mode: 'allocate',
		options: {
			order: 'oldest_first',
			preferPatient: true,
			payFirst,
			subtractInsuranceEstimates: true,
			adjustmentsOffsetEachOther: true,
			prepaymentType: '283',
			clinicsEnabled: true
		},
		ledger: {
			patients: patients.map((id) => ({ id, guarantorId: '1001', primaryProviderId: pick(providers) })),
			unearnedTypes: [
				{ id: '283', name: 'Prepayment', hidden: false },
				{ id: '299', name: 'Treat Plan Prepayment', hidden: true }
			],
			procedures,
			adjustments,
			splits
		}
	};
}

const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;

function dayToDate(day: number): string {
	return new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
}

function dateToDay(date: string): number {
	return Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY);
}
