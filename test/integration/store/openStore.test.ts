import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { DatabaseUrlError, openStore } from '$lib/server/store/openStore';
import { redactUrl } from '$lib/server/store/openPostgres';
import { StoreUnreadableError } from '$lib/server/store/openPglite';
import { freePort } from '../support/runningBridge';
import { useSqlBackends } from '../../support/sqlBackends';

const backends = useSqlBackends();
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'paysplit-store-'));
	dirs.push(dir);
	return dir;
};
const appliedIds = async (sql: Awaited<ReturnType<typeof openStore>>) => (await sql.query<{ id: number }>(`SELECT id FROM schema_migration ORDER BY id`)).map((r) => r.id);

describe('openStore', () => {
	it('without DATABASE_URL, opens PGlite in DATA_DIR/bridge, migrated', async () => {
		const dir = dataDir();
		const sql = backends.closeAfterTest(await openStore({ DATABASE_URL: undefined }, dir));
		expect(await appliedIds(sql)).toEqual(bridgeMigrations.map((m) => m.id));
		expect(existsSync(join(dir, 'bridge', 'PG_VERSION'))).toBe(true);
	});

	it('with DATABASE_URL, opens that PostgreSQL database, migrated, and writes nothing to DATA_DIR', async () => {
		const dir = dataDir();
		const url = await backends.postgres.newDatabaseUrl();
		const sql = backends.closeAfterTest(await openStore({ DATABASE_URL: url }, dir));
		expect(await appliedIds(sql)).toEqual(bridgeMigrations.map((m) => m.id));
		expect((await sql.query<{ db: string }>(`SELECT current_database() AS db`))[0]?.db).toBe(new URL(url).pathname.slice(1));
		expect(existsSync(join(dir, 'bridge'))).toBe(false);
	});

	it('stops with a message naming DATABASE_URL, without its password, when the server refuses the connection', async () => {
		const port = await freePort();
		const url = `postgres://paysplit:s3cret-Passw0rd@127.0.0.1:${port}/paysplit`;
		const error = await openStore({ DATABASE_URL: url }, dataDir()).then(
			() => null,
			(e: unknown) => e as Error
		);
		expect(error?.message).toMatch(new RegExp(`^DATABASE_URL: PostgreSQL at postgres://paysplit:\\*\\*\\*@127\\.0\\.0\\.1:${port}/paysplit refused the connection: is the server running`));
		expect(error).toBeInstanceOf(DatabaseUrlError);
		expect(String(error?.stack)).not.toContain('s3cret');
		expect(error?.cause).toBeUndefined();
	});

	it('refuses a PGlite directory that holds files but no database, and leaves them as they are', async () => {
		const dir = dataDir();
		mkdirSync(join(dir, 'bridge'));
		writeFileSync(join(dir, 'bridge', 'restored-by-hand.txt'), 'x');
		const error = await openStore({ DATABASE_URL: undefined }, dir).then(
			() => null,
			(e: unknown) => e as Error
		);
		expect(error).toBeInstanceOf(StoreUnreadableError);
		expect(error?.message).toContain(`The database in ${join(dir, 'bridge')} cannot be opened (the directory holds files but no database (PG_VERSION is missing))`);
		expect(readdirSync(join(dir, 'bridge'))).toEqual(['restored-by-hand.txt']);
	});

	it('stops with a message naming DATABASE_URL when the database does not exist', async () => {
		const server = await backends.server();
		await expect(openStore({ DATABASE_URL: `postgres://postgres@127.0.0.1:${server.port}/no_such_db` }, dataDir())).rejects.toThrow(
			/^DATABASE_URL: PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/no_such_db has no such database/
		);
	});
});

describe('redactUrl', () => {
	it.each([
		['postgres://paysplit:s3cret@db.example:5432/paysplit', 'postgres://paysplit:***@db.example:5432/paysplit'],
		['postgresql://paysplit:p%40ss%2Fword@db/paysplit?sslmode=require', 'postgresql://paysplit:***@db/paysplit?sslmode=require'],
		['postgres://db/paysplit?user=paysplit&password=s3cret', 'postgres://db/paysplit?user=paysplit&password=***'],
		['postgres://paysplit@db/paysplit', 'postgres://paysplit@db/paysplit']
	])('shows %s as %s', (url, shown) => {
		expect(redactUrl(url)).toBe(shown);
	});
});
