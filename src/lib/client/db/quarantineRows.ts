import Dexie, { type IndexableType } from 'dexie';
import type { PaysplitDb } from './PaysplitDb';
import { paymentRowSchema, type OutboxRow, type QuarantineRow } from './rows';
import { tableSchemas, type BadRow, type ParsedTableName } from './tableSchemas';

/**
 * Moves rows that failed their schema from their table into `quarantine`, in one transaction, so a
 * person can see them (DESIGN §5): never dropped. Each row is read again and parsed again inside the
 * transaction, and moved only if it is still there and still bad (another tab may have fixed it).
 *
 * Two rows belong together: a payment and its outbox entry. A quarantined payment takes its entry
 * along (an entry cannot be sent without its payment). A quarantined entry whose payment is fine
 * and still `queued` is replaced by a fresh one, or the payment would never be sent; the fresh one
 * says the payment may be at the bridge, since its history went with the bad entry.
 *
 * Returns how many rows were moved.
 */
export async function quarantineRows(db: PaysplitDb, rows: readonly BadRow[], now: () => number): Promise<number> {
	if (rows.length === 0) return 0;
	const tables = new Set<ParsedTableName>(rows.map((r) => r.table));
	const scope = [...new Set([...tables, 'payments', 'outbox', 'quarantine'])].map((name) => db.table(name));
	return db.transaction('rw', scope, async () => {
		const at = new Date(now()).toISOString();
		let moved = 0;
		for (const bad of rows) {
			const table = db.table(bad.table);
			const key = keyOf(bad.row, table.schema.primKey.keyPath);
			if (key === undefined) continue;
			const current: unknown = await table.get(key);
			if (current === undefined) continue;
			const parsed = tableSchemas[bad.table].safeParse(current);
			if (parsed.success) continue;
			await db.quarantine.add(entry(bad.table, key, current, describe(parsed.error.issues), at));
			await table.delete(key);
			moved += 1;
			if (bad.table === 'payments') moved += await quarantineEntryOf(db, key, at);
			if (bad.table === 'outbox') await rebuildEntry(db, key, current);
		}
		return moved;
	});
}

async function quarantineEntryOf(db: PaysplitDb, key: IndexableType, at: string): Promise<number> {
	if (typeof key !== 'string') return 0;
	const entry: unknown = await db.outbox.get(key);
	if (entry === undefined) return 0;
	await db.quarantine.add({ table: 'outbox', key, row: entry, problem: `its payment ${key} is in quarantine`, at });
	await db.outbox.delete(key);
	return 1;
}

async function rebuildEntry(db: PaysplitDb, key: IndexableType, badEntry: unknown): Promise<void> {
	if (typeof key !== 'string') return;
	const payment = paymentRowSchema.safeParse(await db.payments.get(key));
	if (!payment.success || payment.data.status !== 'queued') return;
	const oldTime = (badEntry as { enqueuedAt?: unknown }).enqueuedAt;
	const enqueuedAt = typeof oldTime === 'number' && Number.isFinite(oldTime) ? oldTime : Date.parse(payment.data.intent.takenAt);
	const fresh: OutboxRow = { paymentId: key, enqueuedAt, attempts: 0, mayBeAtBridge: true };
	await db.outbox.put(fresh);
}

function keyOf(row: unknown, keyPath: string | string[] | null | undefined): IndexableType | undefined {
	if (typeof row !== 'object' || row === null || keyPath === null || keyPath === undefined) return undefined;
	const key: unknown = Dexie.getByKeyPath(row, keyPath);
	return key === undefined || key === null ? undefined : (key as IndexableType);
}

function entry(table: string, key: IndexableType, row: unknown, problem: string, at: string): QuarantineRow {
	return { table, key: typeof key === 'string' ? key : JSON.stringify(key), row, problem, at };
}

function describe(issues: readonly { path: PropertyKey[]; message: string }[]): string {
	return issues.map((i) => `${i.path.map(String).join('.') || '(row)'}: ${i.message}`).join('; ');
}
