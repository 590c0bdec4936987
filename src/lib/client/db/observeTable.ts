import type { Table } from 'dexie';
import type { PaysplitDb } from './PaysplitDb';
import { observeParsed, type LiveView } from './observeParsed';
import { readRows } from './readRows';
import { schemaOf } from './readTable';
import type { ParsedTableName, RowOf } from './tableSchemas';

/**
 * A live, parsed read of one table: `readTable` as a liveQuery. Rows that fail their schema are
 * moved to the quarantine (see `observeParsed`) instead of being silently left out.
 *
 *     const payments = observeTable(db, 'payments', (t) => t.orderBy('updatedAt').reverse().toArray(), Date.now);
 *     payments.subscribe((rows) => …);   // or $payments in a component
 */
export function observeTable<N extends ParsedTableName>(
	db: PaysplitDb,
	table: N,
	load: (table: Table) => Promise<readonly unknown[]>,
	now: () => number
): LiveView<RowOf<N>[]> {
	return observeParsed(
		db,
		async () => {
			const { good, bad } = readRows(schemaOf(table), await load(db.table(table)));
			return { value: good, bad: bad.map((b) => ({ table, row: b.row, problem: b.problem })) };
		},
		now
	);
}
