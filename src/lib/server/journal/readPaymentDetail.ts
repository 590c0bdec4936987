import { paymentDetailSchema, pmsSplitSchema, type PaymentDetail } from '$lib/domain/api/paymentDetail';
import { allocationSplitSchema } from '$lib/domain/allocation/allocationSplit';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { paymentStatusSchema } from '$lib/domain/payment/PaymentStatus';
import type { Sql } from '../store/Sql';
import { readPmsRows } from './pmsRows';

/** `GET /payments/:id`: the payment as received, where it is now, and every step it took. */
export async function readPaymentDetail(sql: Sql, id: string): Promise<PaymentDetail | null> {
	const row = (
		await sql.query<{ intent: unknown; status: string; reason: string | null; splits: unknown; allocation: unknown; matches_allocation: boolean | null; allocation_difference: unknown }>(
			`SELECT intent, status, reason, splits, allocation, matches_allocation, allocation_difference FROM payment WHERE id = $1`,
			[id]
		)
	)[0];
	if (!row) return null;
	const pmsPaymentIds = ((await readPmsRows(sql, [id])).get(id) ?? []).map((r) => r.pmsPaymentId);
	const events = await sql.query<{ status: string; at: Date; cause: string; actor: string; reason: string | null }>(
		`SELECT status, at, cause, actor, reason FROM payment_event WHERE payment_id = $1 ORDER BY seq`,
		[id]
	);
	return {
		payment: storedPaymentIntentSchema.parse(row.intent),
		status: paymentStatusSchema.parse(row.status),
		...(row.reason ? { reason: row.reason } : {}),
		...(pmsPaymentIds.length > 0 ? { pmsPaymentId: pmsPaymentIds[0], pmsPaymentIds } : {}),
		...(row.splits ? { splits: pmsSplitSchema.array().parse(row.splits) } : {}),
		...(row.allocation ? { allocation: allocationSplitSchema.array().parse(row.allocation) } : {}),
		...(row.matches_allocation !== null ? { matchesAllocation: row.matches_allocation } : {}),
		...(row.allocation_difference ? { allocationDifference: paymentDetailSchema.shape.allocationDifference.unwrap().parse(row.allocation_difference) } : {}),
		history: events.map((e) => ({
			status: paymentStatusSchema.parse(e.status),
			at: e.at.toISOString(),
			cause: e.cause,
			actor: e.actor,
			...(e.reason ? { reason: e.reason } : {})
		}))
	};
}
