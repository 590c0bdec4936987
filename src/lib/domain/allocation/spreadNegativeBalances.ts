/**
 * Rule 7's final step (Open Dental's last pass of `ImplicitlyLinkCredits`): whatever is still
 * negative — an over-paid procedure, an unused discount — reduces the family's positive charges,
 * each negative one in list order (`ordered`) against the positive ones in list order. Changes
 * `balance`.
 *
 * One cursor on the positives: a positive balance only ever falls towards 0 here (and a negative
 * one only rises towards 0), so a charge passed over once would be passed over by every later
 * negative one; the list is walked once per side instead of once per negative charge.
 */
export function spreadNegativeBalances(balance: Float64Array, ordered: Int32Array): void {
	let next = 0; // the first charge that may still be positive
	for (let index = 0; index < ordered.length; index++) {
		const negative = ordered[index] as number;
		while ((balance[negative] as number) < 0) {
			while (next < ordered.length && (balance[ordered[next] as number] as number) <= 0) next++;
			if (next === ordered.length) return;
			const positive = ordered[next] as number;
			const amount = Math.min(-(balance[negative] as number), balance[positive] as number);
			balance[negative] = (balance[negative] as number) + amount;
			balance[positive] = (balance[positive] as number) - amount;
		}
	}
}
