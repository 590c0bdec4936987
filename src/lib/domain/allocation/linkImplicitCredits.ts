import type { Charges } from './charges';
import type { Credits } from './credits';
import { dealIntoGroups, type Dealt } from './dealIntoGroups';
import { implicitLinkLayers } from './implicitLinkLayers';
import { layerGroups } from './layerGroups';
import { linkImplicitGroup, type GroupRange } from './linkImplicitGroup';
import type { NumberedOwner } from './ownerNumbers';
import { spreadNegativeBalances } from './spreadNegativeBalances';

/*
 * How this stays linear on a large ledger. A group of a layer can only change anything if it holds
 * an open credit (steps 1–3) or an unattached adjustment that is still negative, a "discount"
 * (step 4); every other group is skipped. Credits and discounts are few, and they only ever move
 * towards 0, so once both are used up the remaining layers are skipped too (a discount never comes
 * back: step 2 pays positive adjustments down to 0, never below). Entries at 0 take part in nothing
 * and are dropped as the layers go; the lists of open entries shrink in place, so a layer costs no
 * new arrays but its groups.
 */

/** Charges or credits still open, with their owners: `members[i]` for `i < length`. */
type Open = { readonly members: Int32Array; readonly owners: Int32Array; length: number };

/** The members of `list` whose `values` are not 0, with their owners (`ownerOf[member]`), in their order. */
function openOf(list: ArrayLike<number>, values: Float64Array, ownerOf: Int32Array): Open {
	const open: Open = { members: new Int32Array(list.length), owners: new Int32Array(list.length), length: 0 };
	for (let index = 0; index < list.length; index++) {
		const member = list[index] as number;
		if (values[member] === 0) continue;
		open.members[open.length] = member;
		open.owners[open.length] = ownerOf[member] as number;
		open.length++;
	}
	return open;
}

/** Drops, in place, the members whose `values` are 0 (or, with `negativeOnly`, not below 0). */
function retain(open: Open, values: Float64Array, negativeOnly: boolean): void {
	let kept = 0;
	for (let index = 0; index < open.length; index++) {
		const member = open.members[index] as number;
		const value = values[member] as number;
		if (negativeOnly ? value >= 0 : value === 0) continue;
		open.members[kept] = member;
		open.owners[kept] = open.owners[index] as number;
		kept++;
	}
	open.length = kept;
}

const EMPTY: Dealt = { slots: new Int32Array(0), starts: new Int32Array(0) };

const rangeOf = (dealt: Dealt, group: number): GroupRange =>
	dealt === EMPTY ? { items: dealt.slots, from: 0, to: 0 } : { items: dealt.slots, from: dealt.starts[group] as number, to: dealt.starts[group + 1] as number };

/**
 * Rule 7 (Open Dental's `ImplicitlyLinkCredits`): free credit pays charges layer by layer, tightest
 * match first, whatever a credit has left carrying on to the next layer; then negative balances
 * spread over the positive ones. This only moves working balances; no split is made from old
 * credit. Credit still left afterwards is the family's credit balance and does not reduce the new
 * payment. `ordered` is the charges in `linkingOrder`, `credits` by date then id, and `owners`
 * numbers every owner of both. Changes balances and credit amounts in place.
 */
export function linkImplicitCredits(charges: Charges, ordered: Int32Array, credits: Credits, owners: readonly NumberedOwner[]): void {
	const { balance, unattached } = charges;
	const open = openOf(ordered, balance, charges.owner);
	const creditNumbers = new Int32Array(credits.amount.length);
	for (let credit = 0; credit < creditNumbers.length; credit++) creditNumbers[credit] = credit;
	const openCredits = openOf(creditNumbers, credits.amount, credits.owner);
	const discounts: Open = { members: new Int32Array(open.length), owners: new Int32Array(open.length), length: 0 };
	for (let index = 0; index < open.length; index++) {
		const charge = open.members[index] as number;
		if (unattached[charge] === 0 || (balance[charge] as number) >= 0) continue;
		discounts.members[discounts.length] = charge;
		discounts.owners[discounts.length] = open.owners[index] as number;
		discounts.length++;
	}
	/** How many open charges each owner has, to tell a live group with charges from one without. */
	const openByOwner = new Int32Array(owners.length);
	const countOpenByOwner = (): void => {
		openByOwner.fill(0);
		for (let index = 0; index < open.length; index++) openByOwner[open.owners[index] as number] = (openByOwner[open.owners[index] as number] as number) + 1;
	};
	countOpenByOwner();

	for (const fields of implicitLinkLayers) {
		if (openCredits.length === 0 && discounts.length === 0) break;
		const { groupOf, count } = layerGroups(owners, fields);
		const live = new Uint8Array(count);
		for (let index = 0; index < openCredits.length; index++) live[groupOf[openCredits.owners[index] as number] as number] = 1;
		for (let index = 0; index < discounts.length; index++) live[groupOf[discounts.owners[index] as number] as number] = 1;

		// A live group may hold no open charge: a split with no provider is live in the
		// provider+patient and provider+clinic layers, where no charge can share its group. When no
		// live group has a charge, the open charges are not walked at all.
		const withCharges = new Uint8Array(count);
		let anyWithCharges = false;
		for (let owner = 0; owner < owners.length; owner++) {
			const group = groupOf[owner] as number;
			if (live[group] === 1 && (openByOwner[owner] as number) > 0) {
				withCharges[group] = 1;
				anyWithCharges = true;
			}
		}
		const dealtCharges = anyWithCharges ? dealIntoGroups(open.members, open.owners, open.length, groupOf, withCharges, count) : EMPTY;
		const dealtCredits = dealIntoGroups(openCredits.members, openCredits.owners, openCredits.length, groupOf, live, count);
		// Groups of one layer share no charge and no credit, so the order they are visited in is moot.
		for (let group = 0; group < count; group++) {
			if (live[group] === 1) linkImplicitGroup(charges, rangeOf(dealtCharges, group), credits, rangeOf(dealtCredits, group));
		}

		// Only the charges of live groups can have reached 0.
		if (anyWithCharges) {
			retain(open, balance, false);
			countOpenByOwner();
		}
		retain(openCredits, credits.amount, false);
		retain(discounts, balance, true);
	}
	spreadNegativeBalances(balance, ordered);
}
