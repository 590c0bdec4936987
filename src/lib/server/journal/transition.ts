import { nextStatus, type Move, type MoveRefused } from '$lib/domain/payment/nextStatus';
import type { PaymentEvent } from '$lib/domain/payment/paymentEvent';
import { bridgeStatusSchema } from '$lib/domain/payment/PaymentStatus';
import type { Result } from '$lib/domain/result';
import type { SqlTx } from '../store/Sql';
import { lockJournal } from './lockJournal';
import { recordPmsRows, type PmsRow } from './pmsRows';

export type TransitionInput = {
	paymentId: string;
	event: PaymentEvent;
	at: Date;
	/** Why, in words for the audit trail: "cash clears at once", "Open Dental refused: …". */
	cause: string;
	/** Who: "bridge", "processor", or "device <name> (<staff>)". */
	actor: string;
	/** What to record with the status change: the PMS rows the payment became (when it is posted or found posted). */
	set?: { pmsRows?: readonly PmsRow[] };
};

/**
 * Applies an event to a payment with the pure state machine (`domain/payment/nextStatus`) and
 * journals the move (time, cause, actor, reason), in the caller's transaction. The journal's order
 * lock is taken first (`lockJournal`: events commit in sequence order), then the payment's row, so
 * two processes never move one payment at once. A refused event changes nothing.
 */
export async function transition(tx: SqlTx, input: TransitionInput): Promise<Result<Move, MoveRefused | { code: 'not_found'; message: string }>> {
	await lockJournal(tx);
	const row = (await tx.query<{ status: string; attention_from: string | null }>(`SELECT status, attention_from FROM payment WHERE id = $1 FOR UPDATE`, [input.paymentId]))[0];
	if (!row) return { ok: false, error: { code: 'not_found', message: `No payment ${input.paymentId}.` } };
	const state = { status: bridgeStatusSchema.parse(row.status), attentionFrom: row.attention_from === null ? null : bridgeStatusSchema.parse(row.attention_from) };
	const move = nextStatus(state, input.event);
	if (!move.ok) return move;
	const { status, attentionFrom, reason } = move.value;
	await tx.query(
		`UPDATE payment SET status = $2, attention_from = $3, reason = $4, updated_at = $5, attempts = 0, next_attempt_at = NULL WHERE id = $1`,
		[input.paymentId, status, attentionFrom, reason, input.at]
	);
	if (input.set?.pmsRows) await recordPmsRows(tx, input.paymentId, input.set.pmsRows, input.at);
	await tx.query(`INSERT INTO payment_event (payment_id, status, at, cause, actor, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [input.paymentId, status, input.at, input.cause, input.actor, reason]);
	return move;
}

/** For the bridge's own steps, which the state machine must allow: a refusal here is a bug. */
export async function mustTransition(tx: SqlTx, input: TransitionInput): Promise<Move> {
	const result = await transition(tx, input);
	if (!result.ok) throw new Error(`payment ${input.paymentId}: ${input.event.kind} refused: ${result.error.message}`);
	return result.value;
}
