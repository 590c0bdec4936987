import type { Charge } from './charge';
import type { Credit } from './credit';
import { dealIntoGroups, groupRange } from './dealIntoGroups';
import { implicitLinkLayers } from './implicitLinkLayers';
import { layerGroups } from './layerGroups';
import { linkImplicitGroup } from './linkImplicitGroup';
import type { NumberedOwner } from './ownerNumbers';
import { spreadNegativeBalances } from './spreadNegativeBalances';

/*
 * How this stays linear on a large ledger. A group of a layer can only change anything if it holds
 * an open credit (steps 1–3) or an unattached adjustment that is still negative, a "discount"
 * (step 4); every other group is skipped. Credits and discounts are few, and they only ever move
 * towards 0, so once both are used up the remaining layers are skipped too (a discount never comes
 * back: step 2 pays positive adjustments down to 0, never below). The open charges are kept with
 * their owners in a typed array, so finding the charges of the live groups reads 4 bytes per charge
 * instead of every charge object; a charge at 0 takes part in nothing and is dropped.
 */

const isDiscount = (charge: Charge): boolean => charge.kind === 'adjustment' && charge.procedureId === null && charge.balance < 0;

function ownersOf(entries: readonly { readonly owner: number }[]): Int32Array {
	const owners = new Int32Array(entries.length);
	for (let index = 0; index < entries.length; index++) owners[index] = (entries[index] as { readonly owner: number }).owner;
	return owners;
}

/**
 * Rule 7 (Open Dental's `ImplicitlyLinkCredits`): free credit pays charges layer by layer, tightest
 * match first, whatever a credit has left carrying on to the next layer; then negative balances
 * spread over the positive ones. This only moves working balances; no split is made from old
 * credit. Credit still left afterwards is the family's credit balance and does not reduce the new
 * payment. `charges` must be in `linkingOrder`, `credits` by date then id, and `owners` must number
 * every owner of both. Changes both in place.
 */
export function linkImplicitCredits(charges: readonly Charge[], credits: readonly Credit[], owners: readonly NumberedOwner[]): void {
	const openCharges = charges.filter((charge) => charge.balance !== 0);
	let chargeOwners = ownersOf(openCharges);
	let openCredits = credits.filter((credit) => credit.amount !== 0);
	let discounts = openCharges.filter(isDiscount);

	for (const fields of implicitLinkLayers) {
		if (openCredits.length === 0 && discounts.length === 0) break;
		const { groupOf, count } = layerGroups(owners, fields);
		const live = new Uint8Array(count);
		for (const credit of openCredits) live[groupOf[credit.owner] as number] = 1;
		for (const discount of discounts) live[groupOf[discount.owner] as number] = 1;

		const dealtCharges = dealIntoGroups(openCharges, chargeOwners, groupOf, live, count);
		const dealtCredits = dealIntoGroups(openCredits, ownersOf(openCredits), groupOf, live, count);
		// Groups of one layer share no charge and no credit, so the order they are visited in is moot.
		for (let group = 0; group < count; group++) {
			if (live[group] === 1) linkImplicitGroup(groupRange(dealtCharges, group), groupRange(dealtCredits, group));
		}

		// Only the charges of live groups can have reached 0; the lists shrink in place.
		if (dealtCharges.slots.length > 0) {
			let kept = 0;
			for (let index = 0; index < chargeOwners.length; index++) {
				const owner = chargeOwners[index] as number;
				const charge = openCharges[index] as Charge;
				if (live[groupOf[owner] as number] === 1 && charge.balance === 0) continue;
				openCharges[kept] = charge;
				chargeOwners[kept] = owner;
				kept++;
			}
			openCharges.length = kept;
			chargeOwners = chargeOwners.subarray(0, kept);
		}
		openCredits = openCredits.filter((credit) => credit.amount !== 0);
		discounts = discounts.filter(isDiscount);
	}
	spreadNegativeBalances(charges);
}
