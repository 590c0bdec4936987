import type { AllocationInput } from './allocationInput';
import type { Charges } from './charges';
import type { LedgerRefs } from './ledgerRefs';
import type { OwnerNumbers } from './ownerNumbers';

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
 * Changes `charges.balance`; returns the splits left unlinked (their indices, in input order).
 */
export function linkExplicitCredits(input: AllocationInput, refs: LedgerRefs, charges: Charges, order: Int32Array, owners: OwnerNumbers): Int32Array {
	const { splits } = input.ledger;
	const { procedureCount, balance, owner, isCharge } = charges;
	const splitOwners = owners.splits;

	// Step 3's candidates, found by (owner, procedure named) in one lookup rather than a scan per
	// split: the first attached adjustment in rule 2 order for each pair. Both are numbers, and
	// owners are fewer than entries, so `owner × procedures + procedure` is a key no two pairs share.
	const attached = new Map<number, number>();
	for (let position = 0; position < order.length; position++) {
		const charge = order[position] as number;
		if (charge < procedureCount) continue;
		const procedure = refs.adjustmentProcedures[charge - procedureCount] as number;
		if (procedure === -1) continue;
		const key = (owner[charge] as number) * procedureCount + procedure;
		if (!attached.has(key)) attached.set(key, charge);
	}

	const unlinked = new Int32Array(splits.length);
	let unlinkedCount = 0;
	for (let split = 0; split < splits.length; split++) {
		const splitOwner = splitOwners[split] as number;
		const procedure = refs.splitProcedures[split] as number;
		const adjustment = refs.splitAdjustments[split] as number;
		let taker = -1;
		if (procedure !== -1 && owner[procedure] === splitOwner) {
			// Taken by the procedure; a treatment-planned one absorbs it without a balance to lower.
			if (isCharge[procedure] === 0) continue;
			taker = procedure;
		} else if (adjustment !== -1 && owner[procedureCount + adjustment] === splitOwner) {
			taker = procedureCount + adjustment;
		} else if (procedure !== -1 && attached.size > 0) {
			taker = attached.get(splitOwner * procedureCount + procedure) ?? -1;
		}
		if (taker === -1) unlinked[unlinkedCount++] = split;
		else balance[taker] = (balance[taker] as number) - (splits[split] as (typeof splits)[number]).amount;
	}
	return unlinked.subarray(0, unlinkedCount);
}
