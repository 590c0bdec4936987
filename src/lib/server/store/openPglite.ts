import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { createKeyedMutex } from './createKeyedMutex';
import type { Sql, SqlTx } from './Sql';

/**
 * Opens (or creates) an embedded PostgreSQL database. `dir` undefined means in memory.
 * One PGlite directory belongs to one process (DESIGN §5).
 * Dates come back as the text PostgreSQL wrote ("2024-01-02"), never as a Date at UTC midnight that
 * a local-time reader could shift by a day; numerics come back as text, so money never passes
 * through a float.
 */
export async function openPglite(dir: string | undefined): Promise<Sql> {
	if (dir) mkdirSync(dir, { recursive: true });
	const db = await PGlite.create(dir ?? 'memory://', {
		parsers: { [types.DATE]: (value: string) => value }
	});
	return wrap(db);
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
