import type { Charges } from './charges';
import { dealIntoGroups } from './dealIntoGroups';

/**
 * One owner's unattached adjustments (`slots[from]` … `slots[to − 1]`), in list order: each positive
 * one against the negative ones. One cursor on the negatives: a negative adjustment only ever rises
 * towards 0 here, so once a positive one has passed it, every later positive one would too; the
 * list is walked once instead of once per positive adjustment.
 */
function offsetWithin(balance: Float64Array, slots: Int32Array, from: number, to: number): void {
	let next = from; // the first negative adjustment that may still have something left
	for (let index = from; index < to; index++) {
		const positive = slots[index] as number;
		while ((balance[positive] as number) > 0) {
			while (next < to && (balance[slots[next] as number] as number) >= 0) next++;
			if (next === to) return;
			const negative = slots[next] as number;
			const amount = Math.min(balance[positive] as number, -(balance[negative] as number));
			balance[positive] = (balance[positive] as number) - amount;
			balance[negative] = (balance[negative] as number) + amount;
		}
	}
}

/**
 * Rule 5 (Open Dental's `AdjustmentsOffsetEachOther`, on by default): unattached positive and
 * negative adjustments of the same patient, provider and clinic cancel each other as far as they
 * can, each positive one in list order (`order`, rule 2) against the negative ones in list order.
 * Only adjustments with no `procedureId` take part (an attached one belongs to its procedure, even
 * when mismatched). Changes `charges.balance`.
 */
export function offsetAdjustments(charges: Charges, order: Int32Array, ownerCount: number): void {
	const { balance, owner, unattached } = charges;
	let count = 0;
	for (let position = 0; position < order.length; position++) {
		const charge = order[position] as number;
		if (unattached[charge] === 1 && balance[charge] !== 0) count++;
	}
	const adjustments = new Int32Array(count);
	const adjustmentOwners = new Int32Array(count);
	let next = 0;
	for (let position = 0; position < order.length; position++) {
		const charge = order[position] as number;
		if (unattached[charge] === 0 || balance[charge] === 0) continue;
		adjustments[next] = charge;
		adjustmentOwners[next] = owner[charge] as number;
		next++;
	}
	// Each owner is its own group.
	const byOwner = new Int32Array(ownerCount);
	for (let number = 0; number < ownerCount; number++) byOwner[number] = number;
	const { slots, starts } = dealIntoGroups(adjustments, adjustmentOwners, count, byOwner, undefined, ownerCount);
	for (let group = 0; group < ownerCount; group++) offsetWithin(balance, slots, starts[group] as number, starts[group + 1] as number);
}
