import type { LedgerSplit } from '../ledger/ledger';
import type { AllocationInput } from './allocationInput';
import type { ChargeList } from './buildCharges';
import type { Charge } from './charge';
import { effectiveClinic } from './effectiveClinic';
import type { LedgerIds } from './ledgerIds';
import type { OwnerNumbers } from './ownerNumbers';

type Owned = { readonly patientId: string; readonly providerId: string | null; readonly clinicId: string | null };

/**
 * Rule 4 (Open Dental's `ExplicitlyLinkCredits`): an existing split that names a charge of its own
 * patient, provider and clinic is taken whole by that charge, even if that over-pays it.
 *  1. A procedure takes every split naming it; a treatment-planned one too, and those splits are
 *     then out of the picture (they are prepayments on planned work).
 *  2. Otherwise an adjustment takes a split naming it by `adjustmentId`,
 *  3. otherwise the first adjustment (in rule 2 order) attached to the procedure the split names.
 * Which charge takes a split depends on that split alone (a charge takes any number of splits), so
 * one pass over the splits does all three steps, and the order the splits arrive in never matters.
 * A split naming a charge of another patient, provider or clinic stays free credit.
 * Changes the balances of `list.charges`; returns the splits left unlinked, in their input order.
 */
export function linkExplicitCredits(input: AllocationInput, ids: LedgerIds, list: ChargeList, owners: OwnerNumbers): LedgerSplit[] {
	const { clinicsEnabled } = input.options;
	const { procedures, splits } = input.ledger;
	const owns = (entry: Owned, split: LedgerSplit): boolean =>
		entry.patientId === split.patientId &&
		entry.providerId === split.providerId &&
		effectiveClinic(entry.clinicId, clinicsEnabled) === effectiveClinic(split.clinicId, clinicsEnabled);

	// Step 3's candidates, found by (owner, procedure named) in one lookup rather than a scan per
	// split: the first attached adjustment in rule 2 order for each pair. The key starts with the
	// owner's number and a space, so no id can make two keys collide.
	const attached = new Map<string, Charge>();
	for (const charge of list.charges) {
		if (charge.kind !== 'adjustment' || charge.procedureId === null) continue;
		const key = `${charge.owner} ${charge.procedureId}`;
		if (!attached.has(key)) attached.set(key, charge);
	}

	/** The charge that takes `split` whole, `null` for a treatment-planned procedure, `undefined` for none. */
	const takerOf = (split: LedgerSplit): Charge | null | undefined => {
		const procedureIndex = split.procedureId === null ? undefined : ids.procedures.get(split.procedureId);
		if (procedureIndex !== undefined) {
			const procedure = list.procedureCharges[procedureIndex];
			if (procedure ? owns(procedure, split) : owns(procedures[procedureIndex] as Owned, split)) return procedure ?? null;
		}
		const adjustmentIndex = split.adjustmentId === null ? undefined : ids.adjustments.get(split.adjustmentId);
		const adjustment = adjustmentIndex === undefined ? undefined : list.adjustmentCharges[adjustmentIndex];
		if (adjustment && owns(adjustment, split)) return adjustment;
		if (split.procedureId === null || attached.size === 0) return undefined;
		return attached.get(`${owners.numberOf(split.patientId, split.providerId, effectiveClinic(split.clinicId, clinicsEnabled))} ${split.procedureId}`);
	};

	const unlinked: LedgerSplit[] = [];
	for (const split of splits) {
		const taker = takerOf(split);
		if (taker === undefined) unlinked.push(split);
		else if (taker !== null) taker.balance -= split.amount;
	}
	return unlinked;
}
