import { join } from 'node:path';
import type { Config } from '../config/config';
import { bridgeMigrations } from './bridgeMigrations';
import { migrate } from './migrate';
import { openPglite } from './openPglite';
import { openPostgres } from './openPostgres';
import type { Sql } from './Sql';

/** The server at DATABASE_URL cannot be used (down, unknown host, wrong password, no such database): a setting to fix, not a bug. */
export class DatabaseUrlError extends Error {
	override name = 'DatabaseUrlError';
}

/**
 * The bridge's database, migrated and ready (DESIGN §5): the PostgreSQL server at DATABASE_URL when
 * it is set (several bridge processes share it), else PGlite in `dataDir/bridge` (one process).
 * A server that cannot be used stops the start with a message naming DATABASE_URL, its password
 * replaced by ***.
 */
export async function openStore(config: Pick<Config, 'DATABASE_URL'>, dataDir: string): Promise<Sql> {
	let sql: Sql;
	if (config.DATABASE_URL) {
		try {
			sql = await openPostgres(config.DATABASE_URL);
		} catch (error) {
			throw new DatabaseUrlError(`DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
		}
	} else {
		sql = await openPglite(join(dataDir, 'bridge'));
	}
	try {
		// Bridges that start together on one server would otherwise race to create the same tables.
		await sql.withLock('paysplit:migrate', () => migrate(sql, bridgeMigrations));
	} catch (error) {
		await sql.close();
		throw error;
	}
	return sql;
}
