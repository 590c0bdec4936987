import type { Charge } from './charge';
import type { Credit } from './credit';
import { implicitLinkLayers } from './implicitLinkLayers';
import { linkImplicitGroup } from './linkImplicitGroup';
import { spreadNegativeBalances } from './spreadNegativeBalances';

/** Groups `items` by `key`, each group keeping the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const name = key(item);
		const group = groups.get(name);
		if (group) group.push(item);
		else groups.set(name, [item]);
	}
	return groups;
}

/**
 * Rule 7 (Open Dental's `ImplicitlyLinkCredits`): free credit pays charges layer by layer, tightest
 * match first, whatever a credit has left carrying on to the next layer; then negative balances
 * spread over the positive ones. This only moves working balances; no split is made from old
 * credit. Credit still left afterwards is the family's credit balance and does not reduce the new
 * payment. `charges` must be in `linkingOrder`, `credits` by date then id. Changes both in place.
 */
export function linkImplicitCredits(charges: readonly Charge[], credits: readonly Credit[]): void {
	for (const key of implicitLinkLayers) {
		const chargeGroups = groupBy(charges, key);
		const creditGroups = groupBy(credits, key);
		// Groups of one layer share no charge and no credit, so the order they are visited in is moot.
		const names = new Set([...chargeGroups.keys(), ...creditGroups.keys()]);
		for (const name of names) linkImplicitGroup(chargeGroups.get(name) ?? [], creditGroups.get(name) ?? []);
	}
	spreadNegativeBalances(charges);
}
