import { paymentStatusSchema, type PaymentStatus } from '$lib/domain/payment/PaymentStatus';
import type { SqlTx } from '../store/Sql';

/** A journaled payment as intake compares a repeat with it: its content key, the intent as stored, its status. */
export type Journaled = { contentKey: string; intent: unknown; status: PaymentStatus };

/** The payment journaled under `id`, or null. */
export async function readJournaled(sql: Pick<SqlTx, 'query'>, id: string): Promise<Journaled | null> {
	const row = (await sql.query<{ content_key: string; intent: unknown; status: string }>(`SELECT content_key, intent, status FROM payment WHERE id = $1`, [id]))[0];
	return row ? { contentKey: row.content_key, intent: row.intent, status: paymentStatusSchema.parse(row.status) } : null;
}
