import { bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { Cents } from '$lib/domain/money/cents';
import type { SqlTx } from '../store/Sql';

/** A card or ACH payment a processor's report may be about. */
export type SettlementPayment = { id: string; method: 'card' | 'ach'; amountCents: Cents; status: BridgeStatus; attentionFrom: BridgeStatus | null; reason: string | null };

/**
 * The payments taken under a settlement reference (card terminal or ACH reference; trimmed and lower-
 * cased as the journal keeps it), oldest first, at most `limit`, locked for the rest of the caller's
 * transaction: two reports about one payment (or two bridge processes) are decided one after the other.
 * The caller holds the journal's order lock (`lockJournal`) first, as every journaling transaction does.
 */
export async function lockSettlementCandidates(tx: SqlTx, reference: string, limit: number): Promise<SettlementPayment[]> {
	const rows = await tx.query<{ id: string; method_kind: string; amount: number | string; status: string; attention_from: string | null; reason: string | null }>(
		`SELECT id, method_kind, amount, status, attention_from, reason FROM payment
		 WHERE settlement_ref = lower(btrim($1)) ORDER BY received_at, id LIMIT $2 FOR UPDATE`,
		[reference, limit]
	);
	return rows.map((row) => ({
		id: row.id,
		method: row.method_kind === 'ach' ? 'ach' : 'card',
		amountCents: toCents(row.amount),
		status: bridgeStatusSchema.parse(row.status),
		attentionFrom: row.attention_from === null ? null : bridgeStatusSchema.parse(row.attention_from),
		reason: row.reason
	}));
}

/** Card and ACH payments waiting for the bank since before `cutoff` (not in `skip`), longest first, at most `limit`. */
export async function awaitingClearingSince(sql: Pick<SqlTx, 'query'>, cutoff: Date, skip: readonly string[], limit: number): Promise<{ id: string; intent: unknown; amountCents: Cents }[]> {
	// `updated_at` is when the payment entered awaiting_clearing: nothing else touches it while it waits.
	const rows = await sql.query<{ id: string; intent: unknown; amount: number | string }>(
		`SELECT id, intent, amount FROM payment WHERE status = 'awaiting_clearing' AND method_kind IN ('card', 'ach') AND updated_at <= $1 AND NOT (id = ANY($2::uuid[]))
		 ORDER BY updated_at, id LIMIT $3`,
		[cutoff, [...skip], limit]
	);
	return rows.map((row) => ({ id: row.id, intent: row.intent, amountCents: toCents(row.amount) }));
}

/** bigint comes back as a number from PGlite and as a string from node-postgres: accept both. */
function toCents(value: number | string): Cents {
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isSafeInteger(n)) throw new Error(`a journaled amount is not whole cents: ${String(value)}`);
	return n as Cents;
}
