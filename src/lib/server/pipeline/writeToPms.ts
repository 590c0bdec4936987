import { formatMoney } from '$lib/domain/money/formatMoney';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import type { PmsFailure } from '../connectors/PmsConnector';
import type { DuePayment } from '../journal/dueWork';
import { finishPostingAttempt, isUnsettled, postingAttemptsOf, settlePostingAttempts, startPostingAttempt, type PostingAttempt } from '../journal/postingAttempts';
import { recordPostingPlan } from '../journal/recordPostingPlan';
import { mustTransition } from '../journal/transition';
import { recordFollowUps } from './followUps';
import { judgeRowsFound } from './judgeRowsFound';
import { planPosting } from './planPosting';
import type { PostingDeps } from './postingDeps';
import { BRIDGE, toPmsRows, type StepOutcomes } from './stepOutcomes';

/** Default for `asyncWriteTimeoutMs`: NEXHEALTH_WRITE_TIMEOUT_MINUTES' default. */
export const ASYNC_WRITE_TIMEOUT_MS = 30 * 60_000;

/**
 * The `posting` step (DESIGN §3): writes the payment to the PMS exactly once.
 * 1. A payment written before (a crash, an unknown outcome, a write an asynchronous PMS took, or a
 *    person's "Try again") is first looked for by its reference: found, it is `posted` with its rows;
 *    still unsettled on an asynchronous PMS, it is looked for again until `asyncWriteTimeoutMs`, then
 *    a person decides — never a second write on a guess.
 * 2. Otherwise the plan (settings, type, Paysplit's allocation) and a write-ahead attempt are
 *    committed before the PMS hears of the payment; then the write: rows at once → `posted`; taken
 *    asynchronously → `submitted`; refused → `needs_attention`; unknown → read back later.
 */
export async function writeToPms(deps: PostingDeps, outcomes: StepOutcomes, payment: DuePayment): Promise<void> {
	const { sql, connector } = deps;
	const attempts = await postingAttemptsOf(sql, payment.id);
	if (attempts.length > 0) {
		const looked = await lookBeforeWriting(deps, outcomes, payment, attempts);
		if (looked === 'done') return;
	}
	const plan = await planPosting(deps, payment.intent, payment.familyId);
	if (!plan.ok) {
		if (plan.kind === 'retry') return outcomes.retryLater(payment, { kind: 'unreachable', message: plan.message }, 'planning');
		return outcomes.flag(payment.id, plan.reason, plan.cause);
	}
	// The write-ahead record: committed before the PMS hears of the payment.
	const attempt = await sql.transaction(async (tx) => {
		await recordPostingPlan(tx, payment.id, { allocation: plan.allocation, settingsVersion: plan.settingsVersion, paymentTypeId: plan.request.paymentTypeId });
		await recordFollowUps(tx, payment.id, plan.followUps);
		return startPostingAttempt(tx, payment.id, deps.now());
	});
	const result = await connector.postPayment(plan.request);
	if (result.ok && result.value.kind === 'written') {
		const rows = toPmsRows(result.value.payments);
		const ids = rows.map((r) => r.pmsPaymentId).join(', ');
		await sql.transaction(async (tx) => {
			await finishPostingAttempt(tx, attempt, 'posted', deps.now(), { pmsPaymentId: rows[0]?.pmsPaymentId ?? '' });
			await mustTransition(tx, { paymentId: payment.id, event: { kind: 'posted' }, at: deps.now(), cause: `written to the PMS as payment ${ids}`, actor: BRIDGE, set: { pmsRows: rows } });
		});
		deps.log('info', `payment ${payment.id} posted to the PMS as ${ids}`, { paymentId: payment.id, pmsPaymentId: ids });
		deps.mirror.refreshFamily(payment.familyId).catch(() => undefined);
		return;
	}
	if (result.ok) {
		// Taken by an asynchronous PMS (NexHealth: 202): its rows appear on a later read.
		await sql.transaction(async (tx) => {
			await finishPostingAttempt(tx, attempt, 'submitted', deps.now(), { detail: 'the PMS took the write; it shows it on a later read' });
			await mustTransition(tx, { paymentId: payment.id, event: { kind: 'submitted' }, at: deps.now(), cause: `sent to the PMS (${connector.name}), which writes it on its next cycle`, actor: BRIDGE });
		});
		deps.log('info', `payment ${payment.id} sent to the PMS; waiting for it to show`, { paymentId: payment.id });
		return;
	}
	const failure: PmsFailure = result.failure;
	await finishPostingAttempt(sql, attempt, failure.kind === 'unknown' ? 'unknown' : failure.kind === 'refused' ? 'refused' : 'not_sent', deps.now(), { detail: failure.message });
	if (failure.kind === 'refused') return outcomes.flag(payment.id, `The PMS refused this payment: ${failure.message}`, 'the PMS refused the payment');
	await outcomes.retryLater(payment, failure, 'posting');
}

/**
 * Looks for a payment written before, under its reference. 'done' when this step ended here (found,
 * flagged, or to be looked for again); 'write' when the payment is surely not in the PMS and may be
 * written (again).
 */
async function lookBeforeWriting(deps: PostingDeps, outcomes: StepOutcomes, payment: DuePayment, attempts: PostingAttempt[]): Promise<'done' | 'write'> {
	const { sql, connector } = deps;
	const found = await connector.findPayments({ paymentId: payment.id, patientId: payment.intent.patientId });
	if (!found.ok) {
		await outcomes.retryLater(payment, found.failure, 'reading back');
		return 'done';
	}
	const judged = judgeRowsFound(found.value, payment.intent.amount, connector.capabilities.rowsPerPayment);
	const unsettled = attempts.filter(isUnsettled);
	if (judged.kind === 'complete') {
		const rows = toPmsRows(judged.rows);
		await sql.transaction(async (tx) => {
			await settlePostingAttempts(tx, payment.id, 'read_back', deps.now(), `read back: found as ${rows.map((r) => r.pmsPaymentId).join(', ')}`);
			const when = unsettled.length > 0 ? 'after an unknown outcome' : 'when looked for before writing it again';
			await mustTransition(tx, { paymentId: payment.id, event: { kind: 'posted' }, at: deps.now(), cause: `found in the PMS as payment ${rows.map((r) => r.pmsPaymentId).join(', ')} ${when}`, actor: BRIDGE, set: { pmsRows: rows } });
		});
		deps.mirror.refreshFamily(payment.familyId).catch(() => undefined);
		return 'done';
	}
	if (judged.kind === 'too_many') {
		await settlePostingAttempts(sql, payment.id, 'read_back', deps.now(), `read back: ${judged.rows.length} rows, more than the payment`);
		await outcomes.flag(payment.id, tooManyReason(payment, judged.rows.map((r) => r.pmsPaymentId), connector.capabilities.rowsPerPayment), 'more than one PMS payment carries this reference');
		return 'done';
	}
	if (unsettled.length === 0) return 'write';
	if (connector.capabilities.writes === 'sync') {
		// A synchronous PMS that does not show the payment after the settle delay (retryLater waited it)
		// never got it: write it again.
		await settlePostingAttempts(sql, payment.id, 'read_back', deps.now(), 'read back: not in the PMS');
		return 'write';
	}
	await keepLookingOrAsk(deps, outcomes, payment, unsettled[0]!.startedAt, judged.kind === 'partial' ? judged.total : null);
	return 'done';
}

/**
 * An asynchronous PMS took (or may have taken) the write and does not show it, or not all of it: look
 * again until the write timeout, then ask a person — never write again on a guess.
 */
export async function keepLookingOrAsk(deps: PostingDeps, outcomes: StepOutcomes, payment: DuePayment, sentAt: Date, partialTotal: number | null): Promise<void> {
	const timeoutMs = deps.asyncWriteTimeoutMs ?? ASYNC_WRITE_TIMEOUT_MS;
	if (deps.now().getTime() - sentAt.getTime() < timeoutMs) return outcomes.lookAgainLater(payment);
	const minutes = Math.round(timeoutMs / 60_000);
	const seen = partialTotal === null ? 'it does not show it' : `it shows only ${formatMoney(partialTotal)} of ${formatMoney(payment.intent.amount)}`;
	await outcomes.flag(
		payment.id,
		`Sent to the PMS at ${sentAt.toISOString().slice(11, 16)} UTC, and ${minutes} minutes later ${seen}. Look for the payment in the patient's ledger in the PMS: if it is there, mark it posted; if it is not, choose Try again to send it again.`,
		`not seen in the PMS ${minutes} minutes after it was sent`
	);
}

/** The PMS holds the payment more than once: which rows, and what to do. */
export function tooManyReason(payment: Pick<DuePayment, 'id'>, pmsPaymentIds: string[], rowsPerPayment: 'one' | 'many'): string {
	const held = rowsPerPayment === 'one' ? `${pmsPaymentIds.length} payments with reference "${paysplitReference(payment.id)}" (${pmsPaymentIds.join(', ')})` : `more than this payment under reference "${paysplitReference(payment.id)}" (PMS payment ${pmsPaymentIds.join(', ')}): it was written twice`;
	return `The PMS holds ${held}. Offset the extra ones in the PMS (do not delete), then mark this payment posted.`;
}
