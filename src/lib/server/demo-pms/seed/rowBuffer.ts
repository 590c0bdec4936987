import type { SqlTx } from '../../store/Sql';

type Row = Record<string, unknown>;

/** Primary key column of each seeded table of the demo PMS, in the order rows must be inserted (foreign keys). */
const OPENDENTAL_TABLES = [
	['provider', 'ProvNum'],
	['clinic', 'ClinicNum'],
	['definition', 'DefNum'],
	['preference', 'PrefNum'],
	['procedurecode', 'CodeNum'],
	['patient', 'PatNum'],
	['procedurelog', 'ProcNum'],
	['claimproc', 'ClaimProcNum'],
	['adjustment', 'AdjNum'],
	['payment', 'PayNum'],
	['paysplit', 'SplitNum'],
	['commlog', 'CommlogNum']
] as const;
export type SeedTable = (typeof OPENDENTAL_TABLES)[number][0];

const PARAMS_PER_STATEMENT = 30_000;

/**
 * Collects seed rows with their keys assigned here (so a practice of 10,000 patients is built in
 * memory without a round trip per row), then writes them with multi-row INSERTs and moves each key
 * sequence past the last key used. `schema` and `tables` (name and primary key, in insertion order)
 * default to the demo PMS's; the NexHealth fake passes its own, and the first key of each table
 * (`firstKeys`, default 1), so that a patient id is never also a charge id.
 */
export function createRowBuffer<T extends string = SeedTable>(
	schema = 'opendental',
	tables: readonly (readonly [T, string])[] = OPENDENTAL_TABLES as unknown as readonly (readonly [T, string])[],
	firstKeys: Partial<Record<T, number>> = {}
) {
	const rows = new Map<T, Row[]>(tables.map(([table]) => [table, []]));
	const counters = new Map<T, number>(tables.map(([table]) => [table, (firstKeys[table] ?? 1) - 1]));
	return {
		/** Adds a row and returns its new primary key. */
		add(table: T, row: Row): number {
			const id = (counters.get(table) ?? 0) + 1;
			counters.set(table, id);
			const pk = tables.find(([t]) => t === table)?.[1] ?? '';
			rows.get(table)?.push({ [pk]: id, ...row });
			return id;
		},
		/** The key the next row of `table` will get (a family's guarantor is its first member). */
		nextId: (table: T) => (counters.get(table) ?? 0) + 1,
		count: (table: T) => rows.get(table)?.length ?? 0,
		async flush(tx: SqlTx): Promise<void> {
			for (const [table, pk] of tables) {
				const list = rows.get(table) ?? [];
				if (list.length === 0) continue;
				const columns = [...new Set(list.flatMap((r) => Object.keys(r)))];
				const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length));
				for (let start = 0; start < list.length; start += perStatement) {
					const chunk = list.slice(start, start + perStatement);
					const params: unknown[] = [];
					const values = chunk.map((row) => `(${columns.map((c) => (row[c] === undefined ? 'DEFAULT' : `$${params.push(row[c])}`)).join(',')})`);
					await tx.query(`INSERT INTO ${schema}.${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${values.join(',')}`, params);
				}
				await tx.query(`SELECT setval(pg_get_serial_sequence('${schema}.${table}', '${pk}'), $1)`, [counters.get(table) ?? 1]);
				list.length = 0;
			}
		}
	};
}
export type RowBuffer<T extends string = SeedTable> = ReturnType<typeof createRowBuffer<T>>;
