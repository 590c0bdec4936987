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

/**
 * The row after the answer. A payment the bridge has takes the change the feed gave while it waited
 * here (`heldChange`, from `recordChanges`) over the answer's status: a `duplicate` answer carries no
 * reason (DESIGN §6), and the feed's cursor has moved past that change, so it would never come again.
 * Either may be the newer (a second leader, without Web Locks, can pull between this request and its
 * answer), but only a change before the cursor is lost: one after it, the next pull brings.
 * A refused payment keeps it: the row still cannot show it, and a retry under the same id may yet
 * be answered `duplicate` (`retryPayment`).
 */
function answered(row: PaymentRow, verdict: Verdict, updatedAt: string): PaymentRow {
	const { reason: _reason, rejection: _rejection, heldChange, ...rest } = row;
	switch (verdict.kind) {
		case 'at_bridge': {
			const status = heldChange?.status ?? verdict.status;
			return { ...rest, status, ...(heldChange?.reason === undefined ? {} : { reason: heldChange.reason }), updatedAt };
		}
		case 'refused':
			return { ...rest, status: 'rejected', reason: verdict.message, rejection: { code: verdict.code, issues: verdict.issues }, ...(heldChange ? { heldChange } : {}), updatedAt };
		default:
			return assertNever(verdict);
	}
}
