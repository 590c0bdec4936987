import type { Charge } from './charge';
import type { Credit } from './credit';

/**
 * Rule 7, within one group of one layer (Open Dental's `ProcessImplicitLinkBucket`), in this order:
 *  1. positive credits cancel negative credits (a refund takes back earlier money first);
 *  2. each positive credit pays the group's charges with a positive balance, in list order;
 *  3. negative credits cancel negative unattached adjustments;
 *  4. negative unattached adjustments reduce positive procedures, in list order.
 * "Unattached" is an adjustment with no `procedureId` (rule 3). Charges and credits are each in
 * their order (`linkingOrder`; date then id). Changes balances and credit amounts in place.
 */
export function linkImplicitGroup(charges: readonly Charge[], credits: readonly Credit[]): void {
	const positiveCredits = credits.filter((credit) => credit.amount > 0);
	const negativeCredits = credits.filter((credit) => credit.amount < 0);
	const unattachedAdjustments = charges.filter((charge) => charge.kind === 'adjustment' && charge.procedureId === null);
	const procedures = charges.filter((charge) => charge.kind === 'procedure');

	for (const positive of positiveCredits) {
		for (const negative of negativeCredits) {
			if (positive.amount <= 0) break;
			if (negative.amount >= 0) continue;
			const amount = Math.min(positive.amount, -negative.amount);
			positive.amount -= amount;
			negative.amount += amount;
		}
	}
	for (const positive of positiveCredits) {
		for (const charge of charges) {
			if (positive.amount <= 0) break;
			if (charge.balance <= 0) continue;
			const amount = Math.min(positive.amount, charge.balance);
			positive.amount -= amount;
			charge.balance -= amount;
		}
	}
	for (const negative of negativeCredits) {
		for (const adjustment of unattachedAdjustments) {
			if (negative.amount >= 0) break;
			if (adjustment.balance >= 0) continue;
			const amount = Math.min(-negative.amount, -adjustment.balance);
			negative.amount += amount;
			adjustment.balance += amount;
		}
	}
	for (const adjustment of unattachedAdjustments) {
		for (const procedure of procedures) {
			if (adjustment.balance >= 0) break;
			if (procedure.balance <= 0) continue;
			const amount = Math.min(-adjustment.balance, procedure.balance);
			adjustment.balance += amount;
			procedure.balance -= amount;
		}
	}
}
