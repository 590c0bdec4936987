import type { Id } from '../ledger/ledger';
import type { ChargeList } from './buildCharges';
import type { Charge } from './charge';
import type { ChargeOrder } from './allocationInput';
import { compareCharges } from './compareCharges';
import type { LedgerIds } from './ledgerIds';
import { payCharges } from './payCharges';
import type { PaidCharge } from './paidCharge';

/**
 * Rule 6 (Open Dental's "pay first" entries, the API's `procNums`): the procedures the user picked
 * are paid from the new payment before any old credit is linked, oldest first (rule 2 order), at
 * their balance after rules 3–5. A picked procedure that owes nothing is passed over; a
 * treatment-planned one is not a charge, so it is never paid. The picks are looked up by id, so a
 * long ledger is not walked for a handful of picks.
 */
export function payFirstCharges(
	list: ChargeList,
	ids: LedgerIds,
	payFirst: readonly Id[],
	order: ChargeOrder,
	amount: number
): { paid: PaidCharge[]; remaining: number } {
	const picked = new Set<Charge>();
	for (const id of payFirst) {
		const index = ids.procedures.get(id);
		const charge = index === undefined ? undefined : list.procedureCharges[index];
		if (charge) picked.add(charge);
	}
	return payCharges([...picked].sort(compareCharges(order)), amount, () => 'pay_first');
}
