import type { PaidCharge } from './paidCharge';
import type { PaymentReason } from './paymentReason';

/**
 * Walks the charges of `ordered` in that order and gives each one with a positive balance
 * `min(remaining, balance)` (Open Dental's `AutoSplitForPayment` loop, `CreatePaySplitHelper`),
 * until the money runs out. A charge owing nothing gets no split, so no split is ever 0. Lowers the
 * balances paid.
 */
export function payCharges(
	balance: Float64Array,
	ordered: ArrayLike<number>,
	amount: number,
	reasonFor: (charge: number) => PaymentReason
): { paid: PaidCharge[]; remaining: number } {
	const paid: PaidCharge[] = [];
	let remaining = amount;
	for (let index = 0; index < ordered.length; index++) {
		if (remaining <= 0) break;
		const charge = ordered[index] as number;
		const owed = balance[charge] as number;
		if (owed <= 0) continue;
		const share = Math.min(remaining, owed);
		paid.push({ charge, amount: share, owed, reason: reasonFor(charge) });
		balance[charge] = owed - share;
		remaining -= share;
	}
	return { paid, remaining };
}
