import type { AllocationInput } from './allocationInput';
import type { Charges } from './charges';
import type { LedgerRefs } from './ledgerRefs';
import type { OwnerNumbers } from './ownerNumbers';
import { patientPortion } from './patientPortion';

/**
 * Rules 1 and 3: the family's charges (`Charges`), with attached adjustments folded in. An
 * adjustment naming a procedure of the same patient, provider and clinic adds to that procedure
 * and becomes 0 (Open Dental's `ExplicitlyLinkCredits`, first step); on a treatment-planned
 * procedure it just becomes 0. An adjustment naming a procedure it does not match stays a charge
 * of its own. Rule 2's order is `chargeOrder`'s.
 */
export function buildCharges(input: AllocationInput, refs: LedgerRefs, owners: OwnerNumbers): Charges {
	const { subtractInsuranceEstimates } = input.options;
	const { procedures, adjustments } = input.ledger;
	const procedureCount = procedures.length;
	const count = procedureCount + adjustments.length;
	const balance = new Float64Array(count);
	const isCharge = new Uint8Array(count);
	const unattached = new Uint8Array(count);
	const owner = owners.charges;

	for (let index = 0; index < procedureCount; index++) {
		const procedure = procedures[index] as (typeof procedures)[number];
		if (procedure.status === 'treatment_planned') continue;
		isCharge[index] = 1;
		balance[index] = patientPortion(procedure, subtractInsuranceEstimates);
	}

	for (let index = 0; index < adjustments.length; index++) {
		const charge = procedureCount + index;
		isCharge[charge] = 1;
		const target = refs.adjustmentProcedures[index] as number;
		if (target === -1) {
			unattached[charge] = 1;
			balance[charge] = (adjustments[index] as (typeof adjustments)[number]).amount;
		} else if (owner[target] !== owner[charge]) {
			balance[charge] = (adjustments[index] as (typeof adjustments)[number]).amount;
		} else if (isCharge[target] === 1) {
			balance[target] = (balance[target] as number) + (adjustments[index] as (typeof adjustments)[number]).amount;
		}
		// else: attached to a treatment-planned procedure of its owner, so it stays 0.
	}
	return { procedureCount, count, balance, owner, isCharge, unattached };
}
