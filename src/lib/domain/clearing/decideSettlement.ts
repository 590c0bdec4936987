import type { Cents } from '../money/cents';
import { formatMoney } from '../money/formatMoney';
import { nextStatus } from '../payment/nextStatus';
import type { PaymentEvent } from '../payment/paymentEvent';
import { statusLabel, type BridgeStatus } from '../payment/PaymentStatus';
import { amountMismatchReason, declinedReason, lateMismatchReason, returnedReason, reversalAfterFinalMessage, type SettledMethod } from './clearingReasons';
import { reportActor, reportCause, type SettlementReport } from './settlementReport';

/** A payment that carries the report's reference, as the journal holds it. */
export type SettlementCandidate = {
	id: string;
	method: SettledMethod;
	amountCents: Cents;
	status: BridgeStatus;
	attentionFrom: BridgeStatus | null;
	reason: string | null;
	/** The gross of this payment's earlier report of the same kind, if there was one. */
	earlierGross: Cents | null;
};

export type SettlementOutcome = 'matched' | 'mismatched' | 'unmatched' | 'already_settled' | 'declined' | 'returned';
export type SettlementStep = { event: PaymentEvent; cause: string; actor: string };

export type SettlementDecision = {
	outcome: SettlementOutcome;
	paymentId: string | null;
	/** The journal events to apply, in order (none when the report changes nothing). */
	steps: SettlementStep[];
	/**
	 * How the report is kept beside the payment: `replace` the earlier report of its kind, `keep` the
	 * earlier one (only filling a fee it lacked), or `none` (no payment to keep it for).
	 */
	record: 'replace' | 'keep' | 'none';
	/** For the report back to the source (the import's row, the webhook's answer). */
	message: string;
	/** Money moved that no payment status can carry (voided or final payment): log it for a person. */
	alert: boolean;
};

/**
 * The clearing decision, pure: which payment a processor report is about (by reference, then by
 * amount when several carry it), and what it does to it. Card and ACH payments wait in
 * `awaiting_clearing` until the processor settles them for the amount taken; any other amount,
 * a decline or a return goes to a person (`needs_attention`) with a reason they can act on.
 * A report that says nothing new (the same settlement again, as when a file is imported twice)
 * changes nothing.
 */
export function decideSettlement(report: SettlementReport, candidates: readonly SettlementCandidate[]): SettlementDecision {
	const picked = pickCandidate(report, candidates);
	if (!picked.ok) return { outcome: 'unmatched', paymentId: null, steps: [], record: 'none', message: picked.message, alert: false };
	const payment = picked.payment;
	return report.kind === 'settled' ? decideSettled(report, payment) : decideReversal(report, payment);
}

type Picked = { ok: true; payment: SettlementCandidate } | { ok: false; message: string };

function pickCandidate(report: SettlementReport, candidates: readonly SettlementCandidate[]): Picked {
	if (candidates.length === 0) {
		return { ok: false, message: `No card or ACH payment in Paysplit has reference "${report.reference}": check the reference, or take the payment in Paysplit if it was never entered.` };
	}
	// A voided payment is usually one taken again under the same reference: the live one is meant.
	const live = candidates.filter((c) => c.status !== 'voided');
	const pool = live.length > 0 ? live : candidates;
	if (pool.length === 1 && pool[0]) return { ok: true, payment: pool[0] };
	const sameAmount = pool.filter((c) => c.amountCents === report.amountCents);
	if (sameAmount.length === 1 && sameAmount[0]) return { ok: true, payment: sameAmount[0] };
	const ids = pool.map((c) => c.id).join(', ');
	return {
		ok: false,
		message: `${pool.length} payments carry reference "${report.reference}" (${ids})${sameAmount.length > 1 ? ` for ${formatMoney(report.amountCents)}` : ''}, so Paysplit cannot tell which one the processor means: void the one entered twice, then import the settlement again.`
	};
}

function decideSettled(report: SettlementReport, payment: SettlementCandidate): SettlementDecision {
	const base = { paymentId: payment.id, alert: false };
	const step = (event: PaymentEvent): SettlementStep => ({ event, cause: reportCause(report), actor: reportActor(report) });
	const fee = report.feeCents === null ? '' : ` (fee ${formatMoney(report.feeCents)} kept apart)`;
	const equal = report.amountCents === payment.amountCents;
	const { status } = payment;

	if (status === 'accepted' || status === 'awaiting_clearing') {
		if (!equal) {
			const reason = amountMismatchReason(payment.method, report.reference, report.amountCents, payment.amountCents);
			return { ...base, outcome: 'mismatched', steps: [step({ kind: 'problem', reason })], record: 'replace', message: reason };
		}
		// The processor can be quicker than the posting worker's first step: take that step here, in
		// the same transaction, so the settlement is not lost.
		const wait: SettlementStep[] =
			status === 'accepted' ? [{ event: { kind: 'awaits_settlement' }, cause: `${payment.method === 'card' ? 'card' : 'ACH'} payments wait until the processor reports them settled`, actor: 'bridge' }] : [];
		return { ...base, outcome: 'matched', steps: [...wait, step({ kind: 'settled' })], record: 'replace', message: `Settled for ${formatMoney(report.amountCents)}${fee}; the payment is cleared.` };
	}

	if (status === 'needs_attention') {
		const repeat = payment.earlierGross === report.amountCents;
		const now = `it needs attention: ${payment.reason ?? 'see the payment'}`;
		if (repeat && equal) return { ...base, outcome: 'already_settled', steps: [], record: 'keep', message: `Already reported settled for ${formatMoney(report.amountCents)}; ${now}` };
		if (repeat) return { ...base, outcome: 'mismatched', steps: [], record: 'keep', message: `Already reported: ${formatMoney(report.amountCents)} settled, ${formatMoney(payment.amountCents)} taken; ${now}` };
		return {
			...base,
			outcome: 'mismatched',
			steps: [],
			record: 'replace',
			message: `The processor reports ${formatMoney(report.amountCents)} settled (${formatMoney(payment.amountCents)} taken), but ${now}. Deal with that first: retry the payment, then import the settlement again.`
		};
	}

	if (status === 'voided') {
		return {
			...base,
			outcome: 'mismatched',
			steps: [],
			record: 'keep',
			alert: true,
			message: `The processor settled ${formatMoney(report.amountCents)} (reference "${report.reference}") for payment ${payment.id}, which was voided in Paysplit: refund it through the processor, or take the payment again in Paysplit.`
		};
	}

	// Past clearing: cleared, posting, posted, recorded, verified, posted_manually.
	if (equal) return { ...base, outcome: 'already_settled', steps: [], record: 'keep', message: `Already settled; the payment is ${statusLabel(status).toLowerCase()}.` };
	const reason = lateMismatchReason(payment.method, report.reference, report.amountCents, payment.amountCents, payment.earlierGross);
	const problem = { kind: 'problem', reason } as const;
	const canFlag = nextStatus({ status, attentionFrom: payment.attentionFrom }, problem).ok;
	return { ...base, outcome: 'mismatched', steps: canFlag ? [step(problem)] : [], record: 'keep', alert: !canFlag, message: canFlag ? reason : `${reason} (The payment is ${statusLabel(status).toLowerCase()}: it cannot be flagged, so this is only logged.)` };
}

function decideReversal(report: SettlementReport, payment: SettlementCandidate): SettlementDecision {
	const kind: 'declined' | 'returned' = report.kind === 'declined' ? 'declined' : 'returned';
	const base = { outcome: kind, paymentId: payment.id, record: 'replace' as const };
	const { status } = payment;
	const reason = (kind === 'declined' ? declinedReason : returnedReason)(payment.method, report.reference, report.amountCents, status);
	const problem = { kind: 'problem', reason } as const;
	if (nextStatus({ status, attentionFrom: payment.attentionFrom }, problem).ok) {
		return { ...base, steps: [{ event: problem, cause: reportCause(report), actor: reportActor(report) }], message: reason, alert: false };
	}
	switch (status) {
		case 'voided':
			return { ...base, steps: [], message: `The payment was already voided; nothing to do.`, alert: false };
		case 'needs_attention':
			return { ...base, steps: [], message: `The payment already needs attention (${payment.reason ?? 'see the payment'}); the processor now also reports it ${kind}: ${reason}`, alert: true };
		case 'verified':
		case 'posted_manually':
			return { ...base, steps: [], message: reversalAfterFinalMessage(payment.method, report.reference, report.amountCents, kind, status), alert: true };
		default:
			// Every other status can take `problem` (nextStatus), so this is a bug if it happens.
			throw new Error(`payment ${payment.id}: a ${kind} report could not be applied in status ${status}`);
	}
}
