import type { Charge } from './charge';

/**
 * One owner's unattached adjustments, in list order: each positive one against the negative ones.
 * One cursor on the negatives: a negative adjustment only ever rises towards 0 here, so once a
 * positive one has passed it, every later positive one would too; the list is walked once instead
 * of once per positive adjustment.
 */
function offsetWithin(adjustments: readonly Charge[]): void {
	let next = 0; // the first negative adjustment that may still have something left
	for (const positive of adjustments) {
		while (positive.balance > 0) {
			while (next < adjustments.length && (adjustments[next] as Charge).balance >= 0) next++;
			const negative = adjustments[next];
			if (!negative) return;
			const amount = Math.min(positive.balance, -negative.balance);
			positive.balance -= amount;
			negative.balance += amount;
		}
	}
}

/**
 * Rule 5 (Open Dental's `AdjustmentsOffsetEachOther`, on by default): unattached positive and
 * negative adjustments of the same patient, provider and clinic cancel each other as far as they
 * can, each positive one in list order against the negative ones in list order. Only adjustments
 * with no `procedureId` take part (an attached one belongs to its procedure, even when mismatched).
 * Changes the balances of `charges`.
 */
export function offsetAdjustments(charges: readonly Charge[]): void {
	const byOwner = new Map<number, Charge[]>();
	for (const charge of charges) {
		if (charge.kind !== 'adjustment' || charge.procedureId !== null || charge.balance === 0) continue;
		const group = byOwner.get(charge.owner);
		if (group) group.push(charge);
		else byOwner.set(charge.owner, [charge]);
	}
	for (const group of byOwner.values()) offsetWithin(group);
}
