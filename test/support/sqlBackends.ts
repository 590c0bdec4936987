import { afterAll, afterEach } from 'vitest';
import { openPglite } from '$lib/server/store/openPglite';
import { openPostgres } from '$lib/server/store/openPostgres';
import type { Sql } from '$lib/server/store/Sql';
import { startPostgresServer, type PostgresServer } from './postgresServer';

export type SqlBackend = {
	name: 'PGlite' | 'PostgreSQL';
	/** A new empty database (PGlite in memory; a fresh database on the test server), closed after the test. */
	open(): Promise<Sql>;
	/** PostgreSQL only: the URL of a new empty database, for tests that open several stores on one database. */
	newDatabaseUrl(): Promise<string>;
};

/**
 * The two implementations of the bridge's store, for tests that must hold on both (DESIGN §5: one
 * query layer). The PostgreSQL server starts on first use, once per test file, so that without
 * PostgreSQL installed the PostgreSQL tests fail with what to install and the PGlite ones still run.
 * Call at the top level of a test file.
 */
export function useSqlBackends(): {
	pglite: SqlBackend;
	postgres: SqlBackend;
	both: SqlBackend[];
	server(): Promise<PostgresServer>;
	/** Closes `sql` after the test, as the stores `open` gives. */
	closeAfterTest(sql: Sql): Sql;
} {
	let server: Promise<PostgresServer> | undefined;
	let databases = 0;
	const opened: Sql[] = [];
	const startServer = () => (server ??= startPostgresServer());
	const track = (sql: Sql) => (opened.push(sql), sql);
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((sql) => sql.close().catch(() => {})));
	});
	afterAll(async () => {
		await (await server?.catch(() => undefined))?.stop();
	});
	const newDatabaseUrl = async () => (await startServer()).createDatabase(`store_${process.pid}_${++databases}`);
	const pglite: SqlBackend = {
		name: 'PGlite',
		open: async () => track(await openPglite(undefined)),
		newDatabaseUrl: () => Promise.reject(new Error('PGlite has no URL'))
	};
	const postgres: SqlBackend = {
		name: 'PostgreSQL',
		open: async () => track(await openPostgres(await newDatabaseUrl())),
		newDatabaseUrl
	};
	return { pglite, postgres, both: [pglite, postgres], server: startServer, closeAfterTest: track };
}
