import type { Charges } from './charges';
import type { Credits } from './credits';

/** The members of one group of one layer: `items[from]` … `items[to − 1]` (charge or credit numbers), in their order. */
export type GroupRange = { readonly items: Int32Array; readonly from: number; readonly to: number };

// Each step below matches one list against another "each in order against the others in order".
// Amounts only move towards 0 within a step, so an entry passed over once (nothing left, or the
// wrong sign) is passed over by every later one too: one cursor per list, walked once, instead of
// a rescan from the start for every entry (which made a large ledger quadratic).

/** Step 1: each positive credit cancels negative credits (a refund takes back earlier money first). */
function cancelNegativeCredits(amount: Float64Array, { items: credits, from, to }: GroupRange): void {
	let next = from;
	for (let index = from; index < to; index++) {
		const positive = credits[index] as number;
		while ((amount[positive] as number) > 0) {
			while (next < to && (amount[credits[next] as number] as number) >= 0) next++;
			if (next === to) return;
			const negative = credits[next] as number;
			const moved = Math.min(amount[positive] as number, -(amount[negative] as number));
			amount[positive] = (amount[positive] as number) - moved;
			amount[negative] = (amount[negative] as number) + moved;
		}
	}
}

/** Step 2: each positive credit pays the charges with a positive balance, in list order. */
function payFromCredits(balance: Float64Array, { items: charges, from: first, to: end }: GroupRange, amount: Float64Array, { items: credits, from, to }: GroupRange): void {
	let next = first;
	for (let index = from; index < to; index++) {
		const positive = credits[index] as number;
		while ((amount[positive] as number) > 0) {
			while (next < end && (balance[charges[next] as number] as number) <= 0) next++;
			if (next === end) return;
			const charge = charges[next] as number;
			const moved = Math.min(amount[positive] as number, balance[charge] as number);
			amount[positive] = (amount[positive] as number) - moved;
			balance[charge] = (balance[charge] as number) - moved;
		}
	}
}

/** Step 3: each negative credit cancels negative unattached adjustments. */
function cancelNegativeAdjustments(
	{ balance, unattached }: Charges,
	{ items: charges, from: first, to: end }: GroupRange,
	amount: Float64Array,
	{ items: credits, from, to }: GroupRange
): void {
	const isOpenDiscount = (charge: number): boolean => unattached[charge] === 1 && (balance[charge] as number) < 0;
	let next = first;
	for (let index = from; index < to; index++) {
		const negative = credits[index] as number;
		while ((amount[negative] as number) < 0) {
			while (next < end && !isOpenDiscount(charges[next] as number)) next++;
			if (next === end) return;
			const adjustment = charges[next] as number;
			const moved = Math.min(-(amount[negative] as number), -(balance[adjustment] as number));
			amount[negative] = (amount[negative] as number) + moved;
			balance[adjustment] = (balance[adjustment] as number) + moved;
		}
	}
}

/** Step 4: each negative unattached adjustment reduces positive procedures, in list order. */
function applyUnattachedDiscounts({ balance, unattached, procedureCount }: Charges, { items: charges, from, to }: GroupRange): void {
	const isOwingProcedure = (charge: number): boolean => charge < procedureCount && (balance[charge] as number) > 0;
	let next = from;
	for (let index = from; index < to; index++) {
		const adjustment = charges[index] as number;
		if (unattached[adjustment] === 0) continue;
		while ((balance[adjustment] as number) < 0) {
			while (next < to && !isOwingProcedure(charges[next] as number)) next++;
			if (next === to) return;
			const procedure = charges[next] as number;
			const moved = Math.min(-(balance[adjustment] as number), balance[procedure] as number);
			balance[adjustment] = (balance[adjustment] as number) + moved;
			balance[procedure] = (balance[procedure] as number) - moved;
		}
	}
}

/**
 * Rule 7, within one group of one layer (Open Dental's `ProcessImplicitLinkBucket`), in this order:
 *  1. positive credits cancel negative credits (a refund takes back earlier money first);
 *  2. each positive credit pays the group's charges with a positive balance, in list order;
 *  3. negative credits cancel negative unattached adjustments;
 *  4. negative unattached adjustments reduce positive procedures, in list order.
 * "Unattached" is an adjustment with no `procedureId` (rule 3). Charges and credits are each in
 * their order (`linkingOrder`; date then id). Changes balances and credit amounts in place.
 */
export function linkImplicitGroup(charges: Charges, group: GroupRange, credits: Credits, groupCredits: GroupRange): void {
	if (groupCredits.to > groupCredits.from) {
		cancelNegativeCredits(credits.amount, groupCredits);
		payFromCredits(charges.balance, group, credits.amount, groupCredits);
		cancelNegativeAdjustments(charges, group, credits.amount, groupCredits);
	}
	applyUnattachedDiscounts(charges, group);
}
