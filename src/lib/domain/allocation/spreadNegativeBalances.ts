import type { Charge } from './charge';

/**
 * Rule 7's final step (Open Dental's last pass of `ImplicitlyLinkCredits`): whatever is still
 * negative — an over-paid procedure, an unused discount — reduces the family's positive charges,
 * each negative one in list order against the positive ones in list order. Changes balances.
 */
export function spreadNegativeBalances(charges: readonly Charge[]): void {
	for (const negative of charges) {
		for (const positive of charges) {
			if (negative.balance >= 0) break;
			if (positive.balance <= 0) continue;
			const amount = Math.min(-negative.balance, positive.balance);
			negative.balance += amount;
			positive.balance -= amount;
		}
	}
}
