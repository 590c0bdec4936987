import { canTransition } from '$lib/domain/payment/bridgeTransitions';
import { bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { SqlTx } from '../store/Sql';

export type TransitionInput = {
	paymentId: string;
	to: BridgeStatus;
	at: Date;
	/** Why, in words for the audit trail: "cash clears at once", "Open Dental refused: …". */
	cause: string;
	/** Who: "bridge", or "device <name> (<staff>)". */
	actor: string;
	reason?: string;
	/** Columns to set with the status change, e.g. the PMS payment id. */
	set?: { pmsPaymentId?: string };
};

/**
 * Moves a payment to a new status and journals it, in the caller's transaction. Refuses (throws:
 * this is a bug in the caller) a move the status table does not allow. Returns the status it left.
 */
export async function transition(tx: SqlTx, input: TransitionInput): Promise<BridgeStatus> {
	const row = (await tx.query<{ status: string }>(`SELECT status FROM payment WHERE id = $1 FOR UPDATE`, [input.paymentId]))[0];
	if (!row) throw new Error(`transition: no payment ${input.paymentId}`);
	const from = bridgeStatusSchema.parse(row.status);
	if (!canTransition(from, input.to)) throw new Error(`transition: payment ${input.paymentId} cannot go from ${from} to ${input.to}`);
	await tx.query(
		`UPDATE payment SET status = $2, reason = $3, updated_at = $4, pms_payment_id = COALESCE($5, pms_payment_id) WHERE id = $1`,
		[input.paymentId, input.to, input.to === 'needs_attention' ? (input.reason ?? input.cause) : null, input.at, input.set?.pmsPaymentId ?? null]
	);
	await tx.query(`INSERT INTO payment_event (payment_id, status, at, cause, actor, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [input.paymentId, input.to, input.at, input.cause, input.actor, input.reason ?? null]);
	return from;
}
