import type { DuePayment } from '../journal/dueWork';
import { isUnsettled, postingAttemptsOf, settlePostingAttempts } from '../journal/postingAttempts';
import { mustTransition } from '../journal/transition';
import { judgeRowsFound } from './judgeRowsFound';
import type { PostingDeps } from './postingDeps';
import { BRIDGE, toPmsRows, type StepOutcomes } from './stepOutcomes';
import { keepLookingOrAsk, tooManyReason } from './writeToPms';

/**
 * The `submitted` step: an asynchronous PMS took the write (NexHealth: 202) and shows it on a later
 * read cycle. Looks for its rows by its reference: all there → `posted` with them; none or some →
 * look again, until the write timeout asks a person; more than the payment → written twice, flagged.
 */
export async function awaitSubmitted(deps: PostingDeps, outcomes: StepOutcomes, payment: DuePayment): Promise<void> {
	const { sql, connector } = deps;
	const found = await connector.findPayments({ paymentId: payment.id, patientId: payment.intent.patientId });
	if (!found.ok) return outcomes.retryLater(payment, found.failure, 'looking for a payment sent to the PMS');
	const judged = judgeRowsFound(found.value, payment.intent.amount, connector.capabilities.rowsPerPayment);
	if (judged.kind === 'complete') {
		const rows = toPmsRows(judged.rows);
		const ids = rows.map((r) => r.pmsPaymentId).join(', ');
		await sql.transaction(async (tx) => {
			await settlePostingAttempts(tx, payment.id, 'read_back', deps.now(), `read back: written as ${ids}`);
			await mustTransition(tx, { paymentId: payment.id, event: { kind: 'posted' }, at: deps.now(), cause: `the PMS shows it, as payment ${ids}`, actor: BRIDGE, set: { pmsRows: rows } });
		});
		deps.log('info', `payment ${payment.id} is in the PMS as ${ids}`, { paymentId: payment.id, pmsPaymentId: ids });
		deps.mirror.refreshFamily(payment.familyId).catch(() => undefined);
		return;
	}
	if (judged.kind === 'too_many') {
		await settlePostingAttempts(sql, payment.id, 'read_back', deps.now(), `read back: ${judged.rows.length} rows, more than the payment`);
		return outcomes.flag(payment.id, tooManyReason(payment, judged.rows.map((r) => r.pmsPaymentId), connector.capabilities.rowsPerPayment), 'more than one PMS payment carries this reference');
	}
	const sent = (await postingAttemptsOf(sql, payment.id)).find(isUnsettled);
	await keepLookingOrAsk(deps, outcomes, payment, sent?.startedAt ?? deps.now(), judged.kind === 'partial' ? judged.total : null);
}
