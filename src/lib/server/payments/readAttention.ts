import type { AttentionItem, AttentionResponse } from '$lib/domain/api/attention';
import { paymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { bridgeStatusSchema, paymentStatusSchema } from '$lib/domain/payment/PaymentStatus';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';

type Row = { id: string; intent: unknown; reason: string | null; attention_from: string | null; pms_payment_id: string | null; since: Date | null };
type EventRow = { payment_id: string; status: string; at: Date; cause: string; actor: string; reason: string | null };

/** At most this many are listed (`truncated` says when there are more). */
export const ATTENTION_LIMIT = 200;

/** The "Needs attention" list: payments the pipeline stopped on, oldest first, each with its history. */
export async function readAttention(sql: Sql, mirror: PracticeMirror): Promise<AttentionResponse> {
	const rows = await sql.query<Row>(
		`SELECT p.id, p.intent, p.reason, p.attention_from, p.pms_payment_id,
		   (SELECT max(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'needs_attention') AS since
		 FROM payment p WHERE p.status = 'needs_attention' ORDER BY since, p.id LIMIT ${ATTENTION_LIMIT + 1}`
	);
	const truncated = rows.length > ATTENTION_LIMIT;
	if (truncated) rows.pop();
	if (rows.length === 0) return { payments: [], truncated };
	const events = await sql.query<EventRow>(`SELECT payment_id, status, at, cause, actor, reason FROM payment_event WHERE payment_id = ANY($1::uuid[]) ORDER BY payment_id, seq`, [rows.map((r) => r.id)]);
	const history = new Map<string, AttentionItem['history']>();
	for (const e of events) {
		const list = history.get(e.payment_id) ?? [];
		list.push({ status: paymentStatusSchema.parse(e.status), at: e.at.toISOString(), cause: e.cause, actor: e.actor, ...(e.reason ? { reason: e.reason } : {}) });
		history.set(e.payment_id, list);
	}
	const payments = await Promise.all(
		rows.map(async (row): Promise<AttentionItem> => {
			const intent = paymentIntentSchema.parse(row.intent);
			const patient = await mirror.findPatient(intent.patientId);
			const stoppedAt = row.attention_from === null ? null : bridgeStatusSchema.parse(row.attention_from);
			return {
				id: row.id,
				payment: intent,
				patientName: patient ? `${patient.firstName} ${patient.lastName}` : null,
				reason: row.reason ?? 'No reason was recorded.',
				stoppedAt,
				since: (row.since ?? new Date(0)).toISOString(),
				pmsPaymentId: row.pms_payment_id,
				history: history.get(row.id) ?? []
			};
		})
	);
	return { payments, truncated };
}
