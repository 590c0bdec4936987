import type { AttentionItem, AttentionResponse, FailedFollowUp } from '$lib/domain/api/attention';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { bridgeStatusSchema, paymentStatusSchema } from '$lib/domain/payment/PaymentStatus';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';
import { z } from 'zod';

const storedNoteSchema = z.object({ text: z.string() });
/** A stored patient note is `{text, at}` as JSON (followUps.ts); shown as its text. */
const noteText = (value: string): string => {
	try {
		const parsed = storedNoteSchema.safeParse(JSON.parse(value));
		return parsed.success ? parsed.data.text : value;
	} catch {
		return value;
	}
};

type Row = { id: string; intent: unknown; reason: string | null; attention_from: string | null; pms_payment_id: string | null; since: Date | null };
type EventRow = { payment_id: string; status: string; at: Date; cause: string; actor: string; reason: string | null };

/** At most this many are listed (`truncated` says when there are more). */
export const ATTENTION_LIMIT = 200;

/** The "Needs attention" list: payments the pipeline stopped on, oldest first, each with its history. */
export async function readAttention(sql: Sql, mirror: PracticeMirror, now: Date): Promise<AttentionResponse> {
	const rows = await sql.query<Row>(
		`SELECT p.id, p.intent, p.reason, p.attention_from, p.pms_payment_id,
		   (SELECT max(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'needs_attention') AS since
		 FROM payment p WHERE p.status = 'needs_attention' ORDER BY since, p.id LIMIT ${ATTENTION_LIMIT + 1}`
	);
	const truncated = rows.length > ATTENTION_LIMIT;
	if (truncated) rows.pop();
	const failedFollowUps = await readFailedFollowUps(sql, mirror, now);
	if (rows.length === 0) return { payments: [], truncated, failedFollowUps };
	const events = await sql.query<EventRow>(`SELECT payment_id, status, at, cause, actor, reason FROM payment_event WHERE payment_id = ANY($1::uuid[]) ORDER BY payment_id, seq`, [rows.map((r) => r.id)]);
	const history = new Map<string, AttentionItem['history']>();
	for (const e of events) {
		const list = history.get(e.payment_id) ?? [];
		list.push({ status: paymentStatusSchema.parse(e.status), at: e.at.toISOString(), cause: e.cause, actor: e.actor, ...(e.reason ? { reason: e.reason } : {}) });
		history.set(e.payment_id, list);
	}
	const payments = await Promise.all(
		rows.map(async (row): Promise<AttentionItem> => {
			const intent = storedPaymentIntentSchema.parse(row.intent);
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
	return { payments, truncated, failedFollowUps };
}

/** How far back refused follow-ups are listed, and how many. */
const FOLLOW_UP_DAYS = 14;
const FOLLOW_UP_LIMIT = 50;

async function readFailedFollowUps(sql: Sql, mirror: PracticeMirror, now: Date): Promise<FailedFollowUp[]> {
	const rows = await sql.query<{ payment_id: string; kind: 'writeback_status' | 'patient_note'; value: string; last_error: string | null; done_at: Date; intent: unknown; pms_payment_id: string | null }>(
		`SELECT f.payment_id, f.kind, f.value, f.last_error, f.done_at, p.intent, p.pms_payment_id FROM posting_followup f JOIN payment p ON p.id = f.payment_id
		 WHERE f.status = 'failed' AND f.done_at >= $1 ORDER BY f.done_at DESC, f.payment_id LIMIT ${FOLLOW_UP_LIMIT}`,
		[new Date(now.getTime() - FOLLOW_UP_DAYS * 86_400_000)]
	);
	return Promise.all(
		rows.map(async (row): Promise<FailedFollowUp> => {
			const intent = storedPaymentIntentSchema.parse(row.intent);
			const patient = await mirror.findPatient(intent.patientId);
			return {
				paymentId: row.payment_id,
				kind: row.kind,
				value: row.kind === 'patient_note' ? noteText(row.value) : row.value,
				patientName: patient ? `${patient.firstName} ${patient.lastName}` : null,
				patientId: intent.patientId,
				amount: intent.amount,
				pmsPaymentId: row.pms_payment_id,
				error: row.last_error ?? 'The PMS gave no reason.',
				at: row.done_at.toISOString()
			};
		})
	);
}
