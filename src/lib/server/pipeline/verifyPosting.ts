import { allocationSplitSchema } from '$lib/domain/allocation/allocationSplit';
import { compareSplits, type SplitDifference } from '$lib/domain/payment/compareSplits';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { formatMoney } from '$lib/domain/money/formatMoney';
import type { PmsConnector, PmsSplit } from '../connectors/PmsConnector';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';

export type Verification =
	| { kind: 'verified'; pmsSplits: PmsSplit[]; matchesAllocation: boolean; difference: SplitDifference }
	| { kind: 'problem'; reason: string }
	| { kind: 'retry'; message: string };

export type PostedPayment = { id: string; intent: PaymentIntent; pmsPaymentId: string | null; pmsPaymentType: string | null; allocation: unknown };

/**
 * DESIGN §3's definition of verified, read back from the PMS: the payment with our reference exists
 * once, its amount, date and type are ours, and its splits add up to the amount. Whether the PMS
 * split it as Paysplit's engine did is recorded beside it, never a failure.
 */
export async function verifyPosting(connector: PmsConnector, payment: PostedPayment): Promise<Verification> {
	const reference = paysplitReference(payment.id);
	const found = await connector.findPayments({ paymentId: payment.id, patientId: payment.intent.patientId });
	if (!found.ok) return { kind: 'retry', message: found.failure.message };
	if (found.value.length === 0) return { kind: 'problem', reason: `The PMS no longer shows a payment with reference "${reference}" (it was written as PMS payment ${payment.pmsPaymentId ?? '?'}). Check the patient's ledger in the PMS; post it by hand if it is missing, then mark it posted.` };
	if (found.value.length > 1) return { kind: 'problem', reason: `The PMS holds ${found.value.length} payments with reference "${reference}" (${found.value.map((p) => p.pmsPaymentId).join(', ')}). Offset the extra ones in the PMS (do not delete), then mark this payment posted.` };
	const pms = found.value[0]!;
	const wrong: string[] = [];
	if (payment.pmsPaymentId && pms.pmsPaymentId !== payment.pmsPaymentId) wrong.push(`it is PMS payment ${pms.pmsPaymentId}, not ${payment.pmsPaymentId}`);
	if (pms.amount !== payment.intent.amount) wrong.push(`its amount is ${formatMoney(pms.amount)}, not ${formatMoney(payment.intent.amount)}`);
	if (pms.payDate !== payment.intent.payDate) wrong.push(`its date is ${pms.payDate}, not ${payment.intent.payDate}`);
	if (payment.pmsPaymentType && pms.paymentTypeId !== payment.pmsPaymentType) wrong.push(`its payment type is ${pms.paymentTypeId}, not ${payment.pmsPaymentType}`);
	const splits = await connector.readSplits(pms.pmsPaymentId);
	if (!splits.ok) return { kind: 'retry', message: splits.failure.message };
	const total = splits.value.reduce((sum, s) => sum + s.amount, 0);
	if (total !== pms.amount) wrong.push(`its splits add up to ${formatMoney(total)}, not ${formatMoney(pms.amount)}`);
	if (wrong.length > 0) return { kind: 'problem', reason: `The payment in the PMS does not match what Paysplit wrote: ${wrong.join('; ')}. Check it in the PMS, correct it there, then mark it posted.` };
	const ours = allocationSplitSchema.array().safeParse(payment.allocation);
	const comparison = compareSplits(splits.value, ours.success ? ours.data : []);
	return { kind: 'verified', pmsSplits: splits.value, matchesAllocation: ours.success && comparison.matches, difference: comparison.difference };
}
