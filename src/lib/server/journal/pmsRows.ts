import type { Cents } from '$lib/domain/money/cents';
import type { SqlTx } from '../store/Sql';

/** A PMS row a payment became: the PMS's id for it, its amount, date and type, as read from the PMS. */
export type PmsRow = { pmsPaymentId: string; amount: Cents; payDate: string | null; paymentTypeId: string | null };

/**
 * Records the PMS rows a payment became, in the caller's transaction (a row seen again is kept as
 * first recorded). Open Dental writes one; NexHealth one per charge the payment pays, and one for an
 * unapplied remainder.
 */
export async function recordPmsRows(tx: SqlTx, paymentId: string, rows: readonly PmsRow[], at: Date): Promise<void> {
	for (const row of rows) {
		await tx.query(
			`INSERT INTO payment_pms_row (payment_id, pms_payment_id, amount, pay_date, payment_type_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (payment_id, pms_payment_id) DO NOTHING`,
			[paymentId, row.pmsPaymentId, row.amount, row.payDate, row.paymentTypeId, at]
		);
	}
}

/** The PMS rows each of these payments became, in the order they were recorded. */
export async function readPmsRows(sql: Pick<SqlTx, 'query'>, paymentIds: readonly string[]): Promise<Map<string, PmsRow[]>> {
	const found = new Map<string, PmsRow[]>();
	if (paymentIds.length === 0) return found;
	const rows = await sql.query<{ payment_id: string; pms_payment_id: string; amount: number | string; pay_date: string | null; payment_type_id: string | null }>(
		`SELECT payment_id, pms_payment_id, amount, pay_date, payment_type_id FROM payment_pms_row WHERE payment_id = ANY($1::uuid[]) ORDER BY payment_id, recorded_at, pms_payment_id`,
		[[...paymentIds]]
	);
	for (const row of rows) {
		const list = found.get(row.payment_id) ?? [];
		list.push({ pmsPaymentId: row.pms_payment_id, amount: Number(row.amount) as Cents, payDate: row.pay_date, paymentTypeId: row.payment_type_id });
		found.set(row.payment_id, list);
	}
	return found;
}
