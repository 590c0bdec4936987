import { addDays } from '$lib/domain/dates/addDays';

/**
 * A family's balance as NexHealth's guarantor_balances report it (API_V20240412_Entities_Ledger_
 * GuarantorBalance): the total (charges + adjustments + payments, credits negative), what open claims
 * are still expected to pay (insurance_estimate) and write off (write_off_estimate), the guarantor's
 * portion (the rest), and the total aged by date of service. Pure: cents in, cents out.
 *
 * Aging, as balance-forward statements age an account (UNCONFIRMED for NexHealth, which does not say):
 * each charge ages by its date with what was paid or adjusted against it taken off; a debit not tied
 * to a charge ages by its own date; credits not tied to a charge (and overpaid charges) pay the oldest
 * first; a credit left over (the family is owed money) shows in the newest bucket, so that the
 * buckets always add up to the total.
 */
export type BalanceInput = {
	today: string;
	charges: { id: number; date: string; fee: number }[];
	openClaims: { estimated: number; writeOff: number }[];
	/** Adjustments and payments, signed. */
	entries: { date: string; amount: number; chargeId: number | null }[];
};
export type Balance = { total: number; insuranceEstimate: number; writeOffEstimate: number; guarantorPortion: number; aging: [under30: number, from31to60: number, from61to90: number, over90: number] };

export function guarantorBalance(input: BalanceInput): Balance {
	const outstanding = new Map(input.charges.map((c) => [c.id, { date: c.date, amount: c.fee }]));
	const items: { date: string; amount: number }[] = [];
	for (const entry of input.entries) {
		const charge = entry.chargeId === null ? undefined : outstanding.get(entry.chargeId);
		if (charge) charge.amount += entry.amount;
		else items.push({ date: entry.date, amount: entry.amount });
	}
	items.push(...outstanding.values());
	const debits = items.filter((i) => i.amount > 0).sort((a, b) => a.date.localeCompare(b.date));
	let credit = -items.filter((i) => i.amount < 0).reduce((sum, i) => sum + i.amount, 0);
	for (const debit of debits) {
		const used = Math.min(credit, debit.amount);
		debit.amount -= used;
		credit -= used;
	}
	const aging: Balance['aging'] = [0, 0, 0, 0];
	for (const debit of debits) {
		const bucket = debit.date > addDays(input.today, -31) ? 0 : debit.date > addDays(input.today, -61) ? 1 : debit.date > addDays(input.today, -91) ? 2 : 3;
		aging[bucket] += debit.amount;
	}
	aging[0] -= credit;
	const total = aging.reduce((sum, a) => sum + a, 0);
	const insuranceEstimate = input.openClaims.reduce((sum, c) => sum + c.estimated, 0);
	const writeOffEstimate = input.openClaims.reduce((sum, c) => sum + c.writeOff, 0);
	return { total, insuranceEstimate, writeOffEstimate, guarantorPortion: total - insuranceEstimate - writeOffEstimate, aging };
}
