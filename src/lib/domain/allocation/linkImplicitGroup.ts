import type { Charge } from './charge';
import type { Credit } from './credit';

/** The entries of one group of one layer: `items[from]` … `items[to − 1]`, in their order. */
export type GroupRange<T> = { readonly items: readonly T[]; readonly from: number; readonly to: number };

// Each step below matches one list against another "each in order against the others in order".
// Amounts only move towards 0 within a step, so an entry passed over once (nothing left, or the
// wrong sign) is passed over by every later one too: one cursor per list, walked once, instead of
// a rescan from the start for every entry (which made a large ledger quadratic).

const isUnattachedAdjustment = (charge: Charge) => charge.kind === 'adjustment' && charge.procedureId === null;

/** Step 1: each positive credit cancels negative credits (a refund takes back earlier money first). */
function cancelNegativeCredits({ items: credits, from, to }: GroupRange<Credit>): void {
	let next = from;
	for (let index = from; index < to; index++) {
		const positive = credits[index] as Credit;
		while (positive.amount > 0) {
			while (next < to && (credits[next] as Credit).amount >= 0) next++;
			if (next === to) return;
			const negative = credits[next] as Credit;
			const amount = Math.min(positive.amount, -negative.amount);
			positive.amount -= amount;
			negative.amount += amount;
		}
	}
}

/** Step 2: each positive credit pays the charges with a positive balance, in list order. */
function payFromCredits({ items: charges, from: first, to: end }: GroupRange<Charge>, { items: credits, from, to }: GroupRange<Credit>): void {
	let next = first;
	for (let index = from; index < to; index++) {
		const positive = credits[index] as Credit;
		while (positive.amount > 0) {
			while (next < end && (charges[next] as Charge).balance <= 0) next++;
			if (next === end) return;
			const charge = charges[next] as Charge;
			const amount = Math.min(positive.amount, charge.balance);
			positive.amount -= amount;
			charge.balance -= amount;
		}
	}
}

/** Step 3: each negative credit cancels negative unattached adjustments. */
function cancelNegativeAdjustments({ items: charges, from: first, to: end }: GroupRange<Charge>, { items: credits, from, to }: GroupRange<Credit>): void {
	let next = first;
	for (let index = from; index < to; index++) {
		const negative = credits[index] as Credit;
		while (negative.amount < 0) {
			while (next < end && !(isUnattachedAdjustment(charges[next] as Charge) && (charges[next] as Charge).balance < 0)) next++;
			if (next === end) return;
			const adjustment = charges[next] as Charge;
			const amount = Math.min(-negative.amount, -adjustment.balance);
			negative.amount += amount;
			adjustment.balance += amount;
		}
	}
}

/** Step 4: each negative unattached adjustment reduces positive procedures, in list order. */
function applyUnattachedDiscounts({ items: charges, from, to }: GroupRange<Charge>): void {
	let next = from;
	for (let index = from; index < to; index++) {
		const adjustment = charges[index] as Charge;
		if (!isUnattachedAdjustment(adjustment)) continue;
		while (adjustment.balance < 0) {
			while (next < to && !((charges[next] as Charge).kind === 'procedure' && (charges[next] as Charge).balance > 0)) next++;
			if (next === to) return;
			const procedure = charges[next] as Charge;
			const amount = Math.min(-adjustment.balance, procedure.balance);
			adjustment.balance += amount;
			procedure.balance -= amount;
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
export function linkImplicitGroup(charges: GroupRange<Charge>, credits: GroupRange<Credit>): void {
	if (credits.to > credits.from) {
		cancelNegativeCredits(credits);
		payFromCredits(charges, credits);
		cancelNegativeAdjustments(charges, credits);
	}
	applyUnattachedDiscounts(charges);
}
