import type { AllocationInput } from './allocationInput';
import { sameOwner, type Charge } from './charge';
import { compareCharges } from './compareCharges';
import { dayNumber } from './dayNumber';
import { effectiveClinic } from './effectiveClinic';
import type { LedgerIds } from './ledgerIds';
import type { OwnerNumbers } from './ownerNumbers';
import { patientPortion } from './patientPortion';
import { wholeIdValue } from './wholeIdValue';

export type ChargeList = {
	/** Completed procedures and adjustments, in rule 2 order. */
	charges: Charge[];
	/** The charge of `ledger.procedures[i]`; `undefined` for a treatment-planned procedure. */
	procedureCharges: (Charge | undefined)[];
	/** The charge of `ledger.adjustments[i]`. */
	adjustmentCharges: Charge[];
};

/**
 * Rules 1–3: the family's charges, with attached adjustments folded in. An adjustment naming a
 * procedure of the same patient, provider and clinic adds to that procedure and becomes 0 (Open
 * Dental's `ExplicitlyLinkCredits`, first step); on a treatment-planned procedure it just becomes 0.
 * An adjustment naming a procedure it does not match stays a charge of its own. Numbers each
 * charge's owner in `owners`.
 */
export function buildCharges(input: AllocationInput, ids: LedgerIds, owners: OwnerNumbers): ChargeList {
	const { clinicsEnabled, subtractInsuranceEstimates, order } = input.options;
	const { procedures, adjustments } = input.ledger;
	const procedureCharges: (Charge | undefined)[] = [];
	const adjustmentCharges: Charge[] = [];

	for (const procedure of procedures) {
		if (procedure.status === 'treatment_planned') {
			procedureCharges.push(undefined);
			continue;
		}
		const clinicId = effectiveClinic(procedure.clinicId, clinicsEnabled);
		procedureCharges.push({
			kind: 'procedure',
			id: procedure.id,
			idValue: wholeIdValue(procedure.id),
			patientId: procedure.patientId,
			providerId: procedure.providerId,
			clinicId,
			date: procedure.date,
			day: dayNumber(procedure.date),
			code: procedure.code,
			procedureId: null,
			owner: owners.numberOf(procedure.patientId, procedure.providerId, clinicId),
			balance: patientPortion(procedure, subtractInsuranceEstimates)
		});
	}

	for (const adjustment of adjustments) {
		const clinicId = effectiveClinic(adjustment.clinicId, clinicsEnabled);
		const charge: Charge = {
			kind: 'adjustment',
			id: adjustment.id,
			idValue: wholeIdValue(adjustment.id),
			patientId: adjustment.patientId,
			providerId: adjustment.providerId,
			clinicId,
			date: adjustment.date,
			day: dayNumber(adjustment.date),
			code: undefined,
			procedureId: adjustment.procedureId,
			owner: owners.numberOf(adjustment.patientId, adjustment.providerId, clinicId),
			balance: adjustment.amount
		};
		const index = adjustment.procedureId === null ? undefined : ids.procedures.get(adjustment.procedureId);
		if (index !== undefined) {
			const target = procedureCharges[index];
			const procedure = procedures[index];
			if (target) {
				if (sameOwner(target, charge)) {
					target.balance += charge.balance;
					charge.balance = 0;
				}
			} else if (
				procedure &&
				procedure.patientId === charge.patientId &&
				procedure.providerId === charge.providerId &&
				effectiveClinic(procedure.clinicId, clinicsEnabled) === charge.clinicId
			) {
				charge.balance = 0; // attached to a treatment-planned procedure of its owner
			}
		}
		adjustmentCharges.push(charge);
	}

	const all: Charge[] = [];
	for (const charge of procedureCharges) if (charge) all.push(charge);
	for (const charge of adjustmentCharges) all.push(charge);
	return { charges: all.sort(compareCharges(order)), procedureCharges, adjustmentCharges };
}
