import { issuesOf, type Issue } from '$lib/domain/api/errorBody';
import { paymentIntentSchema, type PaymentIntent } from '$lib/domain/payment/paymentIntent';
import type { PaysplitDb } from '../db/PaysplitDb';

/**
 * Saves a payment on this device first (status `queued`), so that nothing is lost if the bridge
 * cannot be reached; sending is the sync's job. The intent is checked by the same schema the bridge
 * uses, so staff see a bad field at once.
 */
export async function savePayment(db: PaysplitDb, draft: unknown, now: () => Date): Promise<{ ok: true; intent: PaymentIntent } | { ok: false; issues: Issue[] }> {
	const parsed = paymentIntentSchema.safeParse(draft);
	if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
	await db.payments.add({ id: parsed.data.id, intent: parsed.data, status: 'queued', updatedAt: now().toISOString() });
	return { ok: true, intent: parsed.data };
}
