import { assertNever } from '$lib/domain/payment/PaymentStatus';
import type { PaysplitDb } from '../db/PaysplitDb';
import { outboxRowSchema, paymentRowSchema, type PaymentRow } from '../db/rows';
import type { ClaimedItem } from './claimBatch';
import type { Verdict } from './Verdict';

/**
 * Records the bridge's answers for the payments of one request, in one transaction opened after the
 * response (never across the fetch), touching only those payments: entries added while the request
 * was out are left alone (local-first notes §0.2). `verdicts[i]` answers `items[i]`; a missing one
 * leaves its payment queued for the next try, and its id is returned.
 *
 * An answer applies only if the entry is still the one that was sent (same `enqueuedAt`): a tab that
 * lost the leadership mid-request, or a stale duplicate response, must not overwrite a payment that
 * was answered since, or that a person retried after a refusal.
 */
export async function applyVerdicts(db: PaysplitDb, items: readonly ClaimedItem[], verdicts: readonly (Verdict | undefined)[], now: () => number): Promise<{ unanswered: string[] }> {
	return db.transaction('rw', db.payments, db.outbox, async () => {
		const updatedAt = new Date(now()).toISOString();
		const unanswered: string[] = [];
		for (const [index, item] of items.entries()) {
			const id = item.intent.id;
			const verdict = verdicts[index];
			if (!verdict) {
				unanswered.push(id);
				continue;
			}
			const entry = outboxRowSchema.safeParse(await db.outbox.get(id));
			if (!entry.success || entry.data.enqueuedAt !== item.enqueuedAt) continue;
			const payment = paymentRowSchema.safeParse(await db.payments.get(id));
			if (!payment.success || payment.data.status !== 'queued') continue;
			await db.payments.put(answered(payment.data, verdict, updatedAt));
			await db.outbox.delete(id);
		}
		return { unanswered };
	});
}

function answered(row: PaymentRow, verdict: Verdict, updatedAt: string): PaymentRow {
	const { reason: _reason, rejection: _rejection, ...rest } = row;
	switch (verdict.kind) {
		case 'at_bridge':
			return { ...rest, status: verdict.status, updatedAt };
		case 'refused':
			return { ...rest, status: 'rejected', reason: verdict.message, rejection: { code: verdict.code, issues: verdict.issues }, updatedAt };
		default:
			return assertNever(verdict);
	}
}
