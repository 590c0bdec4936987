import { z } from 'zod';
import type { PmsConnector, PmsFailure } from '../connectors/PmsConnector';
import type { Logger } from '../log/createLogger';
import type { Sql } from '../store/Sql';
import type { FollowUpKind } from './followUps';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import { retryDelay } from './retryDelay';
import { readPaymentsById } from '../journal/readNeedingAttention';

/** How many due follow-ups one look considers (those of payments not yet in the PMS are passed over). */
const FOLLOW_UPS_PER_LOOK = 50;

export type FollowUpDeps = {
	sql: Sql;
	connector: PmsConnector;
	now: () => Date;
	random: () => number;
	/** Events carry the payment's id as the `paymentId` field. */
	log: Logger;
	/** After a note write with an unknown outcome, how long to wait before reading the notes back (as for payments). */
	settleAfterUnknownMs?: number;
};

type Due = { paymentId: string; kind: FollowUpKind; value: string; attempts: number; sentAt: Date | null; patientId: string; pmsPaymentId: string };

/**
 * Writes each posted payment's follow-ups to the PMS — its write-back status and the patient note —
 * one at a time, apart from the payment itself: they never block, delay or change its status, and a
 * failure is retried with backoff (or, when the PMS refuses, recorded and logged for support).
 * The note is not idempotent in the PMS, so it is written once: `sent_at` is committed before each
 * send, and a note that may have been sent is first looked for by the payment's reference.
 */
export function createFollowUpRunner(deps: FollowUpDeps) {
	const { sql, connector } = deps;

	/**
	 * The oldest follow-up due whose payment is in the PMS (posted or verified). Payment ids are
	 * UUIDv7, so their order is the order payments were taken; the journal says where each payment is.
	 */
	async function nextDue(): Promise<Due | null> {
		// Page through the due ones: those of payments stopped before the PMS (needs attention) stay due
		// and must not hide the ones behind them.
		let after = '';
		for (;;) {
			const rows = await sql.query<{ payment_id: string; kind: FollowUpKind; value: string; attempts: number; sent_at: Date | null }>(
				`SELECT payment_id, kind, value, attempts, sent_at FROM posting_followup
				 WHERE status = 'due' AND (next_attempt_at IS NULL OR next_attempt_at <= $1) AND (payment_id::text || ':' || kind) > $2
				 ORDER BY payment_id, kind LIMIT ${FOLLOW_UPS_PER_LOOK}`,
				[deps.now(), after]
			);
			if (rows.length === 0) return null;
			const payments = await readPaymentsById(sql, [...new Set(rows.map((r) => r.payment_id))]);
			for (const row of rows) {
				const payment = payments.get(row.payment_id);
				// Follow-ups are written only where a payment is one PMS payment (capabilities.rowsPerPayment 'one').
				const pmsPaymentId = payment?.pmsPaymentIds[0];
				if (!payment || (payment.status !== 'posted' && payment.status !== 'verified') || !pmsPaymentId) continue;
				return { paymentId: row.payment_id, kind: row.kind, value: row.value, attempts: row.attempts, sentAt: row.sent_at, patientId: payment.patientId, pmsPaymentId };
			}
			const last = rows.at(-1)!;
			after = `${last.payment_id}:${last.kind}`;
		}
	}

	const done = (due: Due, pmsId: string | null, detail?: string) =>
		sql.query(`UPDATE posting_followup SET status = 'done', done_at = $3, pms_id = $4, last_error = $5 WHERE payment_id = $1 AND kind = $2`, [due.paymentId, due.kind, deps.now(), pmsId, detail ?? null]);

	async function failed(due: Due, failure: PmsFailure): Promise<void> {
		await sql.query(`UPDATE posting_followup SET status = 'failed', done_at = $3, last_error = $4, attempts = attempts + 1 WHERE payment_id = $1 AND kind = $2`, [due.paymentId, due.kind, deps.now(), failure.message]);
		deps.log('warn', `payment ${due.paymentId}: the PMS refused its ${label(due.kind)} (${failure.message}); the payment itself is posted`, { paymentId: due.paymentId, followUp: due.kind });
	}

	async function retryLater(due: Due, failure: PmsFailure, keepSent: boolean): Promise<void> {
		const attempts = due.attempts + 1;
		const backoff = retryDelay(attempts, deps.random());
		const delay = failure.kind === 'unknown' ? Math.max(backoff, deps.settleAfterUnknownMs ?? 30_000) : backoff;
		await sql.query(`UPDATE posting_followup SET attempts = $3, next_attempt_at = $4, last_error = $5${keepSent ? '' : ', sent_at = NULL'} WHERE payment_id = $1 AND kind = $2`, [
			due.paymentId,
			due.kind,
			attempts,
			new Date(deps.now().getTime() + delay),
			failure.message
		]);
		deps.log('warn', `payment ${due.paymentId}: writing its ${label(due.kind)} failed (${failure.kind}: ${failure.message}); retry ${attempts} in ${Math.round(delay / 1000)} s`, {
			paymentId: due.paymentId,
			followUp: due.kind,
			failure: failure.kind,
			attempt: attempts,
			retryInMs: delay
		});
	}

	async function writeStatus(due: Due): Promise<void> {
		// Setting a status twice sets it once: no read-back needed.
		const result = await connector.setPaymentStatus(due.pmsPaymentId, due.value);
		if (result.ok) return void (await done(due, due.pmsPaymentId));
		if (result.failure.kind === 'refused') return failed(due, result.failure);
		return retryLater(due, result.failure, false);
	}

	async function writeNote(due: Due): Promise<void> {
		const reference = paysplitReference(due.paymentId);
		if (due.sentAt) {
			const found = await connector.findPatientNotes(due.patientId, reference);
			if (!found.ok) return retryLater(due, found.failure, true);
			const first = found.value[0];
			if (first) return void (await done(due, first.id, found.value.length > 1 ? `${found.value.length} notes carry the reference` : 'found by reference after an unknown outcome'));
		}
		await sql.query(`UPDATE posting_followup SET sent_at = $3 WHERE payment_id = $1 AND kind = $2`, [due.paymentId, due.kind, deps.now()]);
		const note = patientNoteSchema.parse(JSON.parse(due.value));
		const written = await connector.writePatientNote(due.patientId, note.text, note.at);
		if (written.ok) return void (await done(due, written.value.id));
		if (written.failure.kind === 'refused') return failed(due, written.failure);
		// Unreachable: never sent, so the next try need not read back. Unknown: it may be there.
		return retryLater(due, written.failure, written.failure.kind === 'unknown');
	}

	return {
		/** Does one follow-up; false when none was due. */
		async runOnce(): Promise<boolean> {
			const due = await nextDue();
			if (!due) return false;
			if (due.kind === 'writeback_status') await writeStatus(due);
			else await writeNote(due);
			return true;
		}
	};
}

export type FollowUpRunner = ReturnType<typeof createFollowUpRunner>;

function label(kind: FollowUpKind): string {
	return kind === 'writeback_status' ? 'write-back status' : 'patient note';
}

const patientNoteSchema = z.object({ text: z.string().min(1), at: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) });
