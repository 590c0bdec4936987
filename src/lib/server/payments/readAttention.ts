import type { AttentionItem, AttentionResponse, FailedFollowUp } from '$lib/domain/api/attention';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { readHistories } from '../journal/readHistories';
import { readNeedingAttention, readPaymentsById } from '../journal/readNeedingAttention';
import { readFailedFollowUpRows } from '../pipeline/followUps';
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

/** At most this many are listed (`truncated` says when there are more). */
export const ATTENTION_LIMIT = 200;

/** The "Needs attention" list: payments the pipeline stopped on, oldest first, each with its history. */
export async function readAttention(sql: Sql, mirror: PracticeMirror, now: Date): Promise<AttentionResponse> {
	const rows = await readNeedingAttention(sql, ATTENTION_LIMIT + 1);
	const truncated = rows.length > ATTENTION_LIMIT;
	if (truncated) rows.pop();
	const failedFollowUps = await readFailedFollowUps(sql, mirror, now);
	if (rows.length === 0) return { payments: [], truncated, failedFollowUps };
	const histories = await readHistories(sql, rows.map((r) => r.id));
	const payments = await Promise.all(
		rows.map(async (row): Promise<AttentionItem> => {
			const intent = storedPaymentIntentSchema.parse(row.intent);
			const patient = await mirror.findPatient(intent.patientId);
			return {
				id: row.id,
				payment: intent,
				patientName: patient ? `${patient.firstName} ${patient.lastName}` : null,
				reason: row.reason ?? 'No reason was recorded.',
				stoppedAt: row.stoppedAt,
				since: (row.since ?? new Date(0)).toISOString(),
				pmsPaymentId: row.pmsPaymentIds[0] ?? null,
				pmsPaymentIds: row.pmsPaymentIds,
				history: histories.get(row.id) ?? []
			};
		})
	);
	return { payments, truncated, failedFollowUps };
}

/** How far back refused follow-ups are listed, and how many. */
const FOLLOW_UP_DAYS = 14;
const FOLLOW_UP_LIMIT = 50;

async function readFailedFollowUps(sql: Sql, mirror: PracticeMirror, now: Date): Promise<FailedFollowUp[]> {
	const failed = await readFailedFollowUpRows(sql, new Date(now.getTime() - FOLLOW_UP_DAYS * 86_400_000), FOLLOW_UP_LIMIT);
	const payments = await readPaymentsById(sql, failed.map((f) => f.paymentId));
	const listed: FailedFollowUp[] = [];
	for (const row of failed) {
		const payment = payments.get(row.paymentId);
		if (!payment) continue;
		const intent = storedPaymentIntentSchema.parse(payment.intent);
		const patient = await mirror.findPatient(intent.patientId);
		listed.push({
			paymentId: row.paymentId,
			kind: row.kind,
			value: row.kind === 'patient_note' ? noteText(row.value) : row.value,
			patientName: patient ? `${patient.firstName} ${patient.lastName}` : null,
			patientId: intent.patientId,
			amount: intent.amount,
			pmsPaymentId: payment.pmsPaymentIds[0] ?? null,
			error: row.lastError ?? 'The PMS gave no reason.',
			at: row.doneAt.toISOString()
		});
	}
	return listed;
}
