import type { Id, LedgerSplit } from '../ledger/ledger';
import { sameOwner, type Charge } from './charge';
import type { PlannedProcedure } from './buildCharges';
import { effectiveClinic } from './effectiveClinic';

/**
 * Rule 4 (Open Dental's `ExplicitlyLinkCredits`): an existing split that names a charge of its own
 * patient, provider and clinic is taken whole by that charge, even if that over-pays it.
 *  1. A procedure takes every split naming it; a treatment-planned one too, and those splits are
 *     then out of the picture (they are prepayments on planned work).
 *  2. An adjustment takes every split naming it by `adjustmentId`,
 *  3. then any split still left that names the procedure the adjustment is attached to (the first
 *     such adjustment in rule 2 order). Step 3 waits for step 2 on every adjustment, so which
 *     adjustment takes a split never depends on the order they arrived in.
 * A split naming a charge of another patient, provider or clinic stays free credit.
 * Changes the balances of `charges`; returns the splits left unlinked, in their input order.
 */
export function linkExplicitCredits(
	charges: readonly Charge[],
	plannedProcedures: readonly PlannedProcedure[],
	splits: readonly LedgerSplit[],
	clinicsEnabled: boolean
): LedgerSplit[] {
	const procedures = new Map<Id, Charge>();
	const adjustments = new Map<Id, Charge>();
	for (const charge of charges) (charge.kind === 'procedure' ? procedures : adjustments).set(charge.id, charge);
	const planned = new Map(plannedProcedures.map((procedure) => [procedure.id, procedure]));
	const attachedAdjustments = charges.filter((charge) => charge.kind === 'adjustment' && charge.procedureId !== null);

	const owners = splits.map((split) => ({
		patientId: split.patientId,
		providerId: split.providerId,
		clinicId: effectiveClinic(split.clinicId, clinicsEnabled)
	}));
	const linked = new Set<number>();
	const link = (index: number, charge: Charge | undefined, amount: number): void => {
		if (charge) charge.balance -= amount;
		linked.add(index);
	};

	for (const [index, split] of splits.entries()) {
		const owner = owners[index];
		if (split.procedureId === null || !owner) continue;
		const procedure = procedures.get(split.procedureId);
		const plannedProcedure = planned.get(split.procedureId);
		if (procedure && sameOwner(procedure, owner)) link(index, procedure, split.amount);
		else if (plannedProcedure && sameOwner(plannedProcedure, owner)) link(index, undefined, split.amount);
	}
	for (const [index, split] of splits.entries()) {
		const owner = owners[index];
		if (linked.has(index) || split.adjustmentId === null || !owner) continue;
		const adjustment = adjustments.get(split.adjustmentId);
		if (adjustment && sameOwner(adjustment, owner)) link(index, adjustment, split.amount);
	}
	for (const [index, split] of splits.entries()) {
		const owner = owners[index];
		if (linked.has(index) || split.procedureId === null || !owner) continue;
		const adjustment = attachedAdjustments.find(
			(charge) => charge.procedureId === split.procedureId && sameOwner(charge, owner)
		);
		if (adjustment) link(index, adjustment, split.amount);
	}

	return splits.filter((_, index) => !linked.has(index));
}
