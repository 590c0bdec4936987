import type { Id } from '../ledger/ledger';
import type { AllocationInput } from './allocationInput';
import { sameOwner, type Charge } from './charge';
import { compareCharges } from './compareCharges';
import { effectiveClinic } from './effectiveClinic';
import { patientPortion } from './patientPortion';

/** A treatment-planned procedure: never a charge, but splits that name it are absorbed (rule 4). */
export type PlannedProcedure = { readonly id: Id; readonly patientId: Id; readonly providerId: Id; readonly clinicId: Id | null };

export type ChargeList = {
	/** Completed procedures and adjustments, in rule 2 order. */
	charges: Charge[];
	plannedProcedures: PlannedProcedure[];
};

/**
 * Rules 1–3: the family's charges, with attached adjustments folded in. An adjustment naming a
 * procedure of the same patient, provider and clinic adds to that procedure and becomes 0 (Open
 * Dental's `ExplicitlyLinkCredits`, first step); on a treatment-planned procedure it just becomes 0.
 * An adjustment naming a procedure it does not match stays a charge of its own.
 */
export function buildCharges(input: AllocationInput): ChargeList {
	const { clinicsEnabled, subtractInsuranceEstimates, order } = input.options;
	const charges: Charge[] = [];
	const plannedProcedures: PlannedProcedure[] = [];
	const procedureCharges = new Map<Id, Charge>();
	const planned = new Map<Id, PlannedProcedure>();

	for (const procedure of input.ledger.procedures) {
		const owner = {
			patientId: procedure.patientId,
			providerId: procedure.providerId,
			clinicId: effectiveClinic(procedure.clinicId, clinicsEnabled)
		};
		if (procedure.status === 'treatment_planned') {
			const entry = { id: procedure.id, ...owner };
			plannedProcedures.push(entry);
			planned.set(procedure.id, entry);
			continue;
		}
		const charge: Charge = {
			kind: 'procedure',
			id: procedure.id,
			...owner,
			date: procedure.date,
			code: procedure.code,
			procedureId: null,
			balance: patientPortion(procedure, subtractInsuranceEstimates)
		};
		charges.push(charge);
		procedureCharges.set(procedure.id, charge);
	}

	for (const adjustment of input.ledger.adjustments) {
		const charge: Charge = {
			kind: 'adjustment',
			id: adjustment.id,
			patientId: adjustment.patientId,
			providerId: adjustment.providerId,
			clinicId: effectiveClinic(adjustment.clinicId, clinicsEnabled),
			date: adjustment.date,
			code: undefined,
			procedureId: adjustment.procedureId,
			balance: adjustment.amount
		};
		if (adjustment.procedureId !== null) {
			const target = procedureCharges.get(adjustment.procedureId);
			const plannedTarget = planned.get(adjustment.procedureId);
			if (target && sameOwner(target, charge)) {
				target.balance += charge.balance;
				charge.balance = 0;
			} else if (plannedTarget && sameOwner(plannedTarget, charge)) {
				charge.balance = 0;
			}
		}
		charges.push(charge);
	}

	charges.sort(compareCharges(order));
	return { charges, plannedProcedures };
}
