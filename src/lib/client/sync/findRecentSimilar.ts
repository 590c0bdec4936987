import type { PaymentMethodKind } from '$lib/domain/payment/paymentIntent';
import type { PaysplitDb } from '../db/PaysplitDb';
import type { PaymentRow } from '../db/rows';
import { readTable } from '../db/readTable';

export const SIMILAR_WINDOW_MS = 10 * 60_000;

export type SimilarPaymentQuery = { patientId: string; amount: number; methodKind: PaymentMethodKind };

/**
 * The payments taken on this device within `windowMs` of `now` for the same patient, amount and
 * method kind: if there is one, the form asks "already taken?" before saving (DESIGN §2 step 1).
 * Voided payments do not count: they were taken back. Reads by the patient index only.
 */
export async function findRecentSimilar(db: PaysplitDb, query: SimilarPaymentQuery, now: number, windowMs = SIMILAR_WINDOW_MS): Promise<PaymentRow[]> {
	const rows = await readTable(db, 'payments', (t) => t.where('intent.patientId').equals(query.patientId).toArray(), () => now);
	return rows
		.filter((row) => {
			if (row.status === 'voided') return false;
			if (row.intent.amount !== query.amount || row.intent.method.kind !== query.methodKind) return false;
			const takenAt = Date.parse(row.intent.takenAt);
			return Math.abs(now - takenAt) <= windowMs;
		})
		.sort((a, b) => (a.intent.takenAt < b.intent.takenAt ? 1 : -1));
}
