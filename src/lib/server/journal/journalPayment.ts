import { nextStatus } from '$lib/domain/payment/nextStatus';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import type { SqlTx } from '../store/Sql';
import { lockJournal } from './lockJournal';

export type NewPayment = { intent: PaymentIntent; contentKey: string; familyId: string; deviceId: string; at: Date; cause: string; actor: string };

/**
 * Journals a payment a device sent (DESIGN §3), in the caller's transaction: the row under its id,
 * and its first status through the state machine (`received` → accepted) with its first event.
 * False, writing nothing, when the id is journaled already (another request got there first).
 */
export async function journalPayment(tx: SqlTx, payment: NewPayment): Promise<boolean> {
	const move = nextStatus(null, { kind: 'received' });
	if (!move.ok) throw new Error(move.error.message);
	await lockJournal(tx);
	const { intent } = payment;
	const inserted = await tx.query(
		`INSERT INTO payment (id, intent, content_key, patient_id, family_id, method_kind, amount, status, device_id, received_at, updated_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
		[intent.id, JSON.stringify(intent), payment.contentKey, intent.patientId, payment.familyId, intent.method.kind, intent.amount, move.value.status, payment.deviceId, payment.at]
	);
	if (inserted.length === 0) return false;
	await tx.query(`INSERT INTO payment_event (payment_id, status, at, cause, actor) VALUES ($1, $2, $3, $4, $5)`, [intent.id, move.value.status, payment.at, payment.cause, payment.actor]);
	return true;
}
