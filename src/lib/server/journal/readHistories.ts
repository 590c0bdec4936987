import type { HistoryEntry } from '$lib/domain/api/paymentDetail';
import { paymentStatusSchema } from '$lib/domain/payment/PaymentStatus';
import type { Sql } from '../store/Sql';

/** Every step each of these payments took, in order (DESIGN §2: time, cause, actor, reason). */
export async function readHistories(sql: Pick<Sql, 'query'>, paymentIds: readonly string[]): Promise<Map<string, HistoryEntry[]>> {
	const histories = new Map<string, HistoryEntry[]>();
	if (paymentIds.length === 0) return histories;
	const events = await sql.query<{ payment_id: string; status: string; at: Date; cause: string; actor: string; reason: string | null }>(
		`SELECT payment_id, status, at, cause, actor, reason FROM payment_event WHERE payment_id = ANY($1::uuid[]) ORDER BY payment_id, seq`,
		[[...paymentIds]]
	);
	for (const e of events) {
		const list = histories.get(e.payment_id) ?? [];
		list.push({ status: paymentStatusSchema.parse(e.status), at: e.at.toISOString(), cause: e.cause, actor: e.actor, ...(e.reason ? { reason: e.reason } : {}) });
		histories.set(e.payment_id, list);
	}
	return histories;
}
