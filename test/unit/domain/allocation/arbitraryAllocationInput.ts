import fc from 'fast-check';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { Adjustment, Claim, LedgerSplit, Procedure } from '$lib/domain/ledger/ledger';
import type { Cents } from '$lib/domain/money/cents';

/**
 * Valid families for property tests: up to three patients, procedures with claims of every status
 * (some treatment planned), adjustments attached (matching their procedure or not) and unattached,
 * existing splits linked to procedures or adjustments, unlinked, unearned (visible or hidden),
 * negative ones too; clinics on or off, both orders, prefer-patient and pay-first picks.
 * Ids are drawn from pools with the tricky cases of rule 2 ("2", "10", "007", "7", letters).
 */

const c = (value: number): Cents => value as Cents;
const PATIENTS = ['10', '11', '12'];
const PROVIDERS = ['1', '2', '3'];
const CLINICS = [null, 'A', 'B'];
const PROCEDURE_IDS = ['1', '2', '7', '007', '10', 'a', 'B', '30', '31', '32'];
const ADJUSTMENT_IDS = ['1', '2', '07', '10', 'x', 'Y', '40'];
const SPLIT_IDS = ['s1', 's2', 's3', '1', '2', '10', '02', 's10'];
const DATES = ['2024-01-05', '2024-01-20', '2024-02-01', '2024-02-01', '2024-03-10', '2024-05-30'];

type Owner = { patientId: string; providerId: string; clinicId: string | null };

const owner = fc.record({
	patientId: fc.constantFrom(...PATIENTS),
	providerId: fc.constantFrom(...PROVIDERS),
	clinicId: fc.constantFrom(...CLINICS)
});
const date = fc.constantFrom(...DATES);
const optionalCents = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
const writeOffEstimate = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 3000 }));

const claim: fc.Arbitrary<Claim> = fc
	.record({
		status: fc.constantFrom('estimate', 'not_received', 'cap_estimate', 'ins_hist', 'received', 'supplemental', 'cap_complete', 'cap_claim', 'preauth'),
		insPayEst: optionalCents(6000),
		writeOffEst: writeOffEstimate,
		writeOffEstOverride: writeOffEstimate,
		insPayAmt: optionalCents(6000),
		writeOff: optionalCents(3000),
		noBillIns: fc.option(fc.boolean(), { nil: undefined })
	})
	.map((raw) => {
		const result: Claim = { status: raw.status };
		if (raw.insPayEst !== undefined) result.insPayEst = c(raw.insPayEst);
		if (raw.writeOffEst !== undefined) result.writeOffEst = raw.writeOffEst === null ? null : c(raw.writeOffEst);
		if (raw.writeOffEstOverride !== undefined) result.writeOffEstOverride = raw.writeOffEstOverride === null ? null : c(raw.writeOffEstOverride);
		if (raw.insPayAmt !== undefined) result.insPayAmt = c(raw.insPayAmt);
		if (raw.writeOff !== undefined) result.writeOff = c(raw.writeOff);
		if (raw.noBillIns !== undefined) result.noBillIns = raw.noBillIns;
		return result;
	});

function procedures(patients: string[]): fc.Arbitrary<Procedure[]> {
	const idLists = fc.oneof(
		{ weight: 1, arbitrary: fc.constant<string[]>([]) },
		{ weight: 8, arbitrary: fc.uniqueArray(fc.constantFrom(...PROCEDURE_IDS), { minLength: 1, maxLength: 6 }) }
	);
	return idLists.chain((ids) =>
		fc.tuple(
			...ids.map((id) =>
				fc.record({
					owner,
					patientId: fc.constantFrom(...patients),
					date,
					status: fc.constantFrom<Procedure['status']>('complete', 'complete', 'complete', 'complete', 'treatment_planned'),
					code: fc.constantFrom(undefined, 'D0120', 'D1110', 'D2740'),
					fee: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 20000 }) }),
					units: fc.constantFrom(0, 1, 1, 1, 2, 3),
					claims: fc.array(claim, { maxLength: 2 })
				}).map((raw): Procedure => {
					const procedure: Procedure = {
						id,
						patientId: raw.patientId,
						providerId: raw.owner.providerId,
						clinicId: raw.owner.clinicId,
						date: raw.date,
						status: raw.status,
						fee: c(raw.fee),
						units: raw.units,
						claims: raw.claims
					};
					if (raw.code !== undefined) procedure.code = raw.code;
					return procedure;
				})
			)
		)
	);
}

/** An owner for a linked entry: usually the target's own (so rule 3/4 links), sometimes another (so it does not). */
function linkedOwner(target: Owner | undefined, patients: string[]): fc.Arbitrary<Owner> {
	const other = owner.map((o) => ({ ...o, patientId: patients.includes(o.patientId) ? o.patientId : (patients[0] ?? '10') }));
	if (!target) return other;
	return fc.oneof({ weight: 3, arbitrary: fc.constant({ patientId: target.patientId, providerId: target.providerId, clinicId: target.clinicId }) }, { weight: 1, arbitrary: other });
}

function adjustments(patients: string[], procs: Procedure[]): fc.Arbitrary<Adjustment[]> {
	return fc.uniqueArray(fc.constantFrom(...ADJUSTMENT_IDS), { maxLength: 4 }).chain((ids) =>
		fc.tuple(
			...ids.map((id) =>
				fc
					.record({
						target: procs.length > 0 ? fc.option(fc.constantFrom(...procs), { nil: null }) : fc.constant(null),
						date,
						amount: fc.oneof(fc.integer({ min: -6000, max: -1 }), fc.integer({ min: 1, max: 6000 }), fc.constant(0))
					})
					.chain((raw) =>
						linkedOwner(raw.target ?? undefined, patients).map(
							(o): Adjustment => ({ id, ...o, date: raw.date, amount: c(raw.amount), procedureId: raw.target ? raw.target.id : null })
						)
					)
			)
		)
	);
}

function splits(patients: string[], procs: Procedure[], adjs: Adjustment[]): fc.Arbitrary<LedgerSplit[]> {
	type Kind = 'procedure' | 'adjustment' | 'free' | 'unearned';
	const kinds: Kind[] = ['free', 'unearned'];
	if (procs.length > 0) kinds.push('procedure', 'procedure');
	if (adjs.length > 0) kinds.push('adjustment');
	return fc.uniqueArray(fc.constantFrom(...SPLIT_IDS), { maxLength: 4 }).chain((ids) =>
		fc.tuple(
			...ids.map((id, index) =>
				fc
					.record({
						kind: fc.constantFrom(...kinds),
						procedure: procs.length > 0 ? fc.constantFrom(...procs) : fc.constant(undefined),
						adjustment: adjs.length > 0 ? fc.constantFrom(...adjs) : fc.constant(undefined),
						date,
						amount: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 4000 }) }, { weight: 1, arbitrary: fc.integer({ min: -3000, max: -1 }) }),
						unearnedType: fc.constantFrom('283', '283', '299', 'unknown-type')
					})
					.chain((raw) => {
						const target = raw.kind === 'procedure' ? raw.procedure : raw.kind === 'adjustment' ? raw.adjustment : undefined;
						return linkedOwner(target, patients).map((o): LedgerSplit => ({
							id,
							paymentId: `pay${index % 2}`,
							patientId: o.patientId,
							providerId: raw.kind === 'unearned' ? null : o.providerId,
							clinicId: o.clinicId,
							date: raw.date,
							amount: c(raw.amount),
							procedureId: raw.kind === 'procedure' && raw.procedure ? raw.procedure.id : null,
							adjustmentId: raw.kind === 'adjustment' && raw.adjustment ? raw.adjustment.id : null,
							unearnedType: raw.kind === 'unearned' ? raw.unearnedType : null
						}));
					})
			)
		)
	);
}

/** A valid `AllocationInput` in any mode (or the given one). */
export function arbitraryAllocationInput(mode?: AllocationInput['mode']): fc.Arbitrary<AllocationInput> {
	return fc
		.shuffledSubarray(PATIENTS, { minLength: 1 })
		.chain((patients) =>
			procedures(patients).chain((procs) =>
				adjustments(patients, procs).chain((adjs) =>
					splits(patients, procs, adjs).chain((existing) =>
						fc.record({
							payer: fc.constantFrom(...patients),
							amount: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60000 })),
							payClinic: fc.constantFrom(...CLINICS),
							mode: mode ? fc.constant(mode) : fc.constantFrom<AllocationInput['mode']>('allocate', 'allocate', 'post_only', 'providers_only'),
							order: fc.constantFrom<AllocationInput['options']['order']>('oldest_first', 'adjustments_first'),
							preferPatient: fc.boolean(),
							payFirst: fc.subarray(procs.map((procedure) => procedure.id)),
							subtractInsuranceEstimates: fc.boolean(),
							adjustmentsOffsetEachOther: fc.boolean(),
							prepaymentType: fc.constantFrom('283', '283', '283', '299'),
							clinicsEnabled: fc.boolean()
						}).map((o): AllocationInput => ({
							payment: { patientId: o.payer, amount: c(o.amount), payDate: '2024-12-02', clinicId: o.payClinic },
							mode: o.mode,
							options: {
								order: o.order,
								preferPatient: o.preferPatient,
								payFirst: o.payFirst,
								subtractInsuranceEstimates: o.subtractInsuranceEstimates,
								adjustmentsOffsetEachOther: o.adjustmentsOffsetEachOther,
								prepaymentType: o.prepaymentType,
								clinicsEnabled: o.clinicsEnabled
							},
							ledger: {
								patients: patients.map((id) => ({ id, guarantorId: '10', primaryProviderId: '1' })),
								unearnedTypes: [
									{ id: '283', name: 'Prepayment', hidden: false },
									{ id: '299', name: 'Treat Plan Prepayment', hidden: true }
								],
								procedures: procs,
								adjustments: adjs,
								splits: existing
							}
						}))
					)
				)
			)
		);
}
