import type { Sql } from './Sql';

export type Migration = { id: number; name: string; sql: string };

/**
 * Applies the migrations not yet applied, in order of id, each in its own transaction, and records
 * them in `<table>`. Ids must be unique and increasing: a gap or a reordering is a bug, caught here.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[], table = 'schema_migration'): Promise<number[]> {
	for (let i = 1; i < migrations.length; i++) {
		const prev = migrations[i - 1];
		const curr = migrations[i];
		if (prev && curr && curr.id <= prev.id) throw new Error(`migration ${curr.id} (${curr.name}) is out of order after ${prev.id}`);
	}
	await sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
	const applied = new Set((await sql.query<{ id: number }>(`SELECT id FROM ${table}`)).map((r) => r.id));
	const ran: number[] = [];
	for (const migration of migrations) {
		if (applied.has(migration.id)) continue;
		await sql.transaction(async (tx) => {
			await tx.exec(migration.sql);
			await tx.query(`INSERT INTO ${table} (id, name) VALUES ($1, $2)`, [migration.id, migration.name]);
		});
		ran.push(migration.id);
	}
	return ran;
}
