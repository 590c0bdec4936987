import type { Charge } from './charge';

/**
 * Rule 7's final step (Open Dental's last pass of `ImplicitlyLinkCredits`): whatever is still
 * negative — an over-paid procedure, an unused discount — reduces the family's positive charges,
 * each negative one in list order against the positive ones in list order. Changes balances.
 *
 * One cursor on the positives: a positive balance only ever falls towards 0 here (and a negative
 * one only rises towards 0), so a charge passed over once would be passed over by every later
 * negative one; the list is walked once per side instead of once per negative charge.
 */
export function spreadNegativeBalances(charges: readonly Charge[]): void {
	let next = 0; // the first charge that may still be positive
	for (const negative of charges) {
		while (negative.balance < 0) {
			while (next < charges.length && (charges[next] as Charge).balance <= 0) next++;
			const positive = charges[next];
			if (!positive) return;
			const amount = Math.min(-negative.balance, positive.balance);
			negative.balance += amount;
			positive.balance -= amount;
		}
	}
}
