import type { Id } from '../ledger/ledger';
import type { Charge } from './charge';
import { payCharges } from './payCharges';
import type { PaidCharge } from './paidCharge';

/**
 * Rule 6 (Open Dental's "pay first" entries, the API's `procNums`): the procedures the user picked
 * are paid from the new payment before any old credit is linked, oldest first (rule 2 order), at
 * their balance after rules 3–5. A picked procedure that owes nothing is passed over; a
 * treatment-planned one is not a charge, so it is never paid.
 */
export function payFirstCharges(
	charges: readonly Charge[],
	payFirst: readonly Id[],
	amount: number
): { paid: PaidCharge[]; remaining: number } {
	const picked = new Set(payFirst);
	const candidates = charges.filter((charge) => charge.kind === 'procedure' && picked.has(charge.id));
	return payCharges(candidates, amount, () => 'pay_first');
}
