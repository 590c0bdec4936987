import type { Charge } from './charge';
import type { PaidCharge } from './paidCharge';
import type { PaymentReason } from './paymentReason';

/**
 * Walks `charges` in the order given and gives each one with a positive balance `min(remaining,
 * balance)` (Open Dental's `AutoSplitForPayment` loop, `CreatePaySplitHelper`), until the money
 * runs out. A charge owing nothing gets no split, so no split is ever 0. Lowers the balances paid.
 */
export function payCharges(
	charges: readonly Charge[],
	amount: number,
	reasonFor: (charge: Charge) => PaymentReason
): { paid: PaidCharge[]; remaining: number } {
	const paid: PaidCharge[] = [];
	let remaining = amount;
	for (const charge of charges) {
		if (remaining <= 0) break;
		if (charge.balance <= 0) continue;
		const share = Math.min(remaining, charge.balance);
		paid.push({ charge, amount: share, owed: charge.balance, reason: reasonFor(charge) });
		charge.balance -= share;
		remaining -= share;
	}
	return { paid, remaining };
}
