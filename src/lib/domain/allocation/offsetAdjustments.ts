import { sameOwner, type Charge } from './charge';

/**
 * Rule 5 (Open Dental's `AdjustmentsOffsetEachOther`, on by default): unattached positive and
 * negative adjustments of the same patient, provider and clinic cancel each other as far as they
 * can, each positive one in list order against the negative ones in list order. Only adjustments
 * with no `procedureId` take part (an attached one belongs to its procedure, even when mismatched).
 * Changes the balances of `charges`.
 */
export function offsetAdjustments(charges: readonly Charge[]): void {
	const unattached = charges.filter((charge) => charge.kind === 'adjustment' && charge.procedureId === null);
	for (const positive of unattached) {
		for (const negative of unattached) {
			if (positive.balance <= 0) break;
			if (negative.balance >= 0 || !sameOwner(positive, negative)) continue;
			const amount = Math.min(positive.balance, -negative.balance);
			positive.balance -= amount;
			negative.balance += amount;
		}
	}
}
