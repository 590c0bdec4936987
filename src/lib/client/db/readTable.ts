import type { Table } from 'dexie';
import type { z } from 'zod';
import type { PaysplitDb } from './PaysplitDb';
import { quarantineRows } from './quarantineRows';
import { readRows } from './readRows';
import { tableSchemas, type ParsedTableName, type RowOf } from './tableSchemas';
import { withReopen } from './withReopen';

/**
 * Reads rows of one table with `load` (any Dexie query on it), parses each by the table's schema,
 * moves the rows that fail to the quarantine (in a transaction of its own) and returns the rest.
 * Retries once on a lost connection. Use it outside transactions and liveQuery (for those, see
 * `observeParsed`).
 *
 *     const queued = await readTable(db, 'payments', (t) => t.where('status').equals('queued').toArray(), Date.now);
 */
export async function readTable<N extends ParsedTableName>(
	db: PaysplitDb,
	table: N,
	load: (table: Table) => Promise<readonly unknown[]>,
	now: () => number
): Promise<RowOf<N>[]> {
	return withReopen(db, async () => {
		const raw = await load(db.table(table));
		const { good, bad } = readRows(schemaOf(table), raw);
		if (bad.length > 0) await quarantineRows(db, bad.map((b) => ({ table, row: b.row, problem: b.problem })), now);
		return good;
	});
}

/** The table's schema, typed by its name (TypeScript cannot narrow an index by a generic key). */
export function schemaOf<N extends ParsedTableName>(table: N): z.ZodType<RowOf<N>> {
	return tableSchemas[table] as unknown as z.ZodType<RowOf<N>>;
}
