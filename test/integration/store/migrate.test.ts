import { describe, expect, it } from 'vitest';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { migrate, type Migration } from '$lib/server/store/migrate';
import { openPostgres } from '$lib/server/store/openPostgres';
import { openStore } from '$lib/server/store/openStore';
import { useSqlBackends } from '../../support/sqlBackends';

const backends = useSqlBackends();

const tables = (sql: Awaited<ReturnType<typeof backends.pglite.open>>) =>
	sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`).then((rows) => rows.map((r) => r.table_name));

describe.each(backends.both)('migrations on $name', (backend) => {
	it('applies the bridge migrations in order, each once, and a second run applies none', async () => {
		const sql = await backend.open();
		expect(await migrate(sql, bridgeMigrations)).toEqual(bridgeMigrations.map((m) => m.id));
		expect(await migrate(sql, bridgeMigrations)).toEqual([]);
		const applied = await sql.query<{ id: number; name: string; applied_at: Date }>(`SELECT id, name, applied_at FROM schema_migration ORDER BY applied_at, id`);
		expect(applied.map((r) => [r.id, r.name])).toEqual(bridgeMigrations.map((m) => [m.id, m.name]));
		expect(applied.every((r) => r.applied_at instanceof Date)).toBe(true);
		expect(await tables(sql)).toEqual(
			expect.arrayContaining(['device', 'pairing_code', 'payment', 'payment_event', 'posting_attempt', 'mirror_patient', 'mirror_family', 'mirror_practice', 'practice_settings', 'schema_migration'])
		);
	});

	it('applies only the migrations added since the last run', async () => {
		const sql = await backend.open();
		expect(await migrate(sql, bridgeMigrations.slice(0, 1))).toEqual([1]);
		expect(await migrate(sql, bridgeMigrations)).toEqual(bridgeMigrations.slice(1).map((m) => m.id));
	});

	it('rolls back a migration that fails, records it not, and applies none after it', async () => {
		const sql = await backend.open();
		const migrations: Migration[] = [
			{ id: 1, name: 'one', sql: `CREATE TABLE one (id integer PRIMARY KEY)` },
			{ id: 2, name: 'half done', sql: `CREATE TABLE two (id integer PRIMARY KEY); INSERT INTO missing VALUES (1)` },
			{ id: 3, name: 'three', sql: `CREATE TABLE three (id integer PRIMARY KEY)` }
		];
		await expect(migrate(sql, migrations)).rejects.toThrow(/missing/);
		expect((await sql.query<{ id: number }>(`SELECT id FROM schema_migration`)).map((r) => r.id)).toEqual([1]);
		expect(await tables(sql)).toEqual(['one', 'schema_migration']);
	});

	it('refuses migrations listed out of order before applying any', async () => {
		const sql = await backend.open();
		const migrations: Migration[] = [
			{ id: 2, name: 'two', sql: `CREATE TABLE two (id integer)` },
			{ id: 1, name: 'one', sql: `CREATE TABLE one (id integer)` }
		];
		await expect(migrate(sql, migrations)).rejects.toThrow('migration 1 (one) is out of order after 2');
		expect(await tables(sql)).toEqual([]);
	});
});

describe('several bridges on one PostgreSQL server', () => {
	it('migrate it once when they start at the same moment', async () => {
		const url = await backends.postgres.newDatabaseUrl();
		const stores = await Promise.all([1, 2, 3, 4].map(() => openStore({ DATABASE_URL: url }, '/nonexistent').then(backends.closeAfterTest)));
		const check = backends.closeAfterTest(await openPostgres(url));
		expect((await check.query<{ id: number }>(`SELECT id FROM schema_migration ORDER BY id`)).map((r) => r.id)).toEqual(bridgeMigrations.map((m) => m.id));
		expect(stores).toHaveLength(4);
	});
});
