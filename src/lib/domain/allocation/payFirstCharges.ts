import type { Charges } from './charges';
import type { PaidCharge } from './paidCharge';
import { payCharges } from './payCharges';

/**
 * Rule 6 (Open Dental's "pay first" entries, the API's `procNums`): the procedures the user picked
 * (`picked[c] === 1`) are paid from the new payment before any old credit is linked, oldest first
 * (rule 2 order, `order`), at their balance after rules 3–5. A picked procedure that owes nothing
 * is passed over; a treatment-planned one is not a charge, so it is never paid.
 */
export function payFirstCharges(charges: Charges, order: Int32Array, picked: Uint8Array, amount: number): { paid: PaidCharge[]; remaining: number } {
	const first: number[] = [];
	for (let position = 0; position < order.length; position++) if (picked[order[position] as number] === 1) first.push(order[position] as number);
	return payCharges(charges.balance, first, amount, () => 'pay_first');
}
