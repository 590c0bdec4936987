import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { createKeyedMutex } from './createKeyedMutex';
import { privateDataDir } from './privateDataDir';
import type { Sql, SqlTx } from './Sql';

/**
 * Opens (or creates) an embedded PostgreSQL database. `dir` undefined means in memory.
 * One PGlite directory belongs to one process (DESIGN §5).
 * Dates come back as the text PostgreSQL wrote ("2024-01-02"), never as a Date at UTC midnight that
 * a local-time reader could shift by a day; numerics come back as text, so money never passes
 * through a float.
 */
export async function openPglite(dir: string | undefined): Promise<Sql> {
	if (dir) {
		mkdirSync(dir, { recursive: true });
		// PGlite would create a new, empty database among files it does not recognise.
		if (!existsSync(join(dir, 'PG_VERSION')) && readdirSync(dir).length > 0) {
			throw new StoreUnreadableError(dir, 'the directory holds files but no database (PG_VERSION is missing)');
		}
	}
	let db: PGlite | undefined;
	try {
		db = await PGlite.create(dir ?? 'memory://', {
			parsers: { [types.DATE]: (value: string) => value }
		});
		await db.query('SELECT 1');
	} catch (error) {
		await db?.close().catch(() => undefined);
		if (!dir) throw error;
		throw new StoreUnreadableError(dir, error instanceof Error ? error.message : String(error));
	}
	// Past the umask: PGlite copies a new database's ~1,000 files in with explicit 666 modes, and its
	// start rewrites pg_internal.init 644. Files made later follow the umask (600).
	if (dir) {
		try {
			privateDataDir(dir);
		} catch (error) {
			await db.close().catch(() => undefined);
			throw error;
		}
	}
	return wrap(db);
}

/**
 * A database directory that exists but cannot be opened (damaged by a crash or a full disk, or not a
 * database): the process must stop rather than start with an empty database in its place, which would
 * forget every payment it held.
 */
export class StoreUnreadableError extends Error {
	override name = 'StoreUnreadableError';
	constructor(
		readonly dir: string,
		readonly why: string
	) {
		super(
			`The database in ${dir} cannot be opened (${why}). Paysplit will not start without it, nor start an empty database in its place. Restore the directory from a backup; only to start afresh, losing what it held, move it aside.`
		);
	}
}

function wrap(db: PGlite): Sql {
	const asTx = (tx: Pick<PGlite, 'query' | 'exec'>): SqlTx => ({
		async query<Row>(text: string, params: readonly unknown[] = []) {
			const result = await tx.query<Row>(text, params as unknown[]);
			return result.rows;
		},
		async exec(text: string) {
			await tx.exec(text);
		}
	});
	const base = asTx(db);
	// PGlite is one session: a PostgreSQL session-level advisory lock taken twice there is granted
	// twice (they are reentrant per session), so it could not keep two holders in this process apart.
	// A lock in this process is the whole story, since no other process opens this directory.
	const locks = createKeyedMutex();
	return {
		...base,
		transaction: (work) => db.transaction((tx) => work(asTx(tx))),
		withLock: (key, work) => locks.run(key, work),
		tryWithLock: (key, work) => locks.tryRun(key, work),
		close: () => db.close()
	};
}
