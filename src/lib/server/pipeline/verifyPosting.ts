import { allocationSplitSchema } from '$lib/domain/allocation/allocationSplit';
import { compareSplits, type SplitDifference } from '$lib/domain/payment/compareSplits';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { formatMoney } from '$lib/domain/money/formatMoney';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import type { PmsConnector, PmsPayment, PmsSplit } from '../connectors/PmsConnector';
import type { PmsRow } from '../journal/pmsRows';
import { judgeRowsFound } from './judgeRowsFound';

export type Verification =
	| { kind: 'verified'; rows: PmsPayment[]; pmsSplits: PmsSplit[]; matchesAllocation: boolean; difference: SplitDifference }
	| { kind: 'problem'; reason: string }
	| { kind: 'retry'; message: string };

export type PostedPayment = { id: string; intent: PaymentIntent; pmsRows: PmsRow[]; pmsPaymentType: string | null; allocation: unknown };

/**
 * DESIGN §3's definition of verified, read back from the PMS: the payment with our reference exists
 * once (one PMS payment, or — where a payment becomes a row per charge — rows that add up to it), its
 * amount, date and type are ours, and its splits add up to the amount. Whether the PMS split it as
 * Paysplit's engine did is recorded beside it, never a failure.
 */
export async function verifyPosting(connector: PmsConnector, payment: PostedPayment): Promise<Verification> {
	const reference = paysplitReference(payment.id);
	const found = await connector.findPayments({ paymentId: payment.id, patientId: payment.intent.patientId });
	if (!found.ok) return { kind: 'retry', message: found.failure.message };
	const written = payment.pmsRows.map((r) => r.pmsPaymentId).join(', ') || '?';
	const judged = judgeRowsFound(found.value, payment.intent.amount, connector.capabilities.rowsPerPayment);
	switch (judged.kind) {
		case 'none':
			return { kind: 'problem', reason: `The PMS no longer shows a payment with reference "${reference}" (it was written as PMS payment ${written}). Check the patient's ledger in the PMS; post it by hand if it is missing, then mark it posted.` };
		case 'too_many':
			return { kind: 'problem', reason: `The PMS holds ${judged.rows.length === 1 ? 'more than' : `${judged.rows.length} payments for`} this payment with reference "${reference}" (${judged.rows.map((p) => p.pmsPaymentId).join(', ')}). Offset the extra ones in the PMS (do not delete), then mark this payment posted.` };
		case 'partial':
			return { kind: 'problem', reason: `The PMS shows only ${formatMoney(judged.total)} of this payment's ${formatMoney(payment.intent.amount)} under reference "${reference}" (it was written as PMS payment ${written}). Check the patient's ledger in the PMS, correct it there, then mark it posted.` };
		case 'complete':
			break;
	}
	const rows = judged.rows;
	const wrong: string[] = [];
	const known = new Set(payment.pmsRows.map((r) => r.pmsPaymentId));
	const unknown = rows.filter((r) => known.size > 0 && !known.has(r.pmsPaymentId));
	if (connector.capabilities.rowsPerPayment === 'one' && unknown.length > 0) wrong.push(`it is PMS payment ${rows[0]!.pmsPaymentId}, not ${written}`);
	if (connector.capabilities.rowsPerPayment === 'one' && rows[0]!.amount !== payment.intent.amount) wrong.push(`its amount is ${formatMoney(rows[0]!.amount)}, not ${formatMoney(payment.intent.amount)}`);
	for (const row of rows) {
		const which = rows.length === 1 ? 'its' : `PMS payment ${row.pmsPaymentId}'s`;
		if (row.payDate !== payment.intent.payDate) wrong.push(`${which} date is ${row.payDate}, not ${payment.intent.payDate}`);
		if (payment.pmsPaymentType && row.paymentTypeId !== payment.pmsPaymentType) wrong.push(`${which} payment type is ${row.paymentTypeId}, not ${payment.pmsPaymentType}`);
	}
	const splits: PmsSplit[] = [];
	for (const row of rows) {
		const read = await connector.readSplits(row.pmsPaymentId);
		if (!read.ok) return { kind: 'retry', message: read.failure.message };
		splits.push(...read.value);
	}
	const total = splits.reduce((sum, s) => sum + s.amount, 0);
	if (total !== payment.intent.amount) wrong.push(`its splits add up to ${formatMoney(total)}, not ${formatMoney(payment.intent.amount)}`);
	if (wrong.length > 0) return { kind: 'problem', reason: `The payment in the PMS does not match what Paysplit wrote: ${wrong.join('; ')}. Check it in the PMS, correct it there, then mark it posted.` };
	const ours = allocationSplitSchema.array().safeParse(payment.allocation);
	const comparison = compareSplits(splits, ours.success ? ours.data : []);
	return { kind: 'verified', rows, pmsSplits: splits, matchesAllocation: ours.success && comparison.matches, difference: comparison.difference };
}
