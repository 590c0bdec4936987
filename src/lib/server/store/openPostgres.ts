import pg from 'pg';
import { createKeyedMutex } from './createKeyedMutex';
import type { Sql, SqlTx } from './Sql';

/** How long a new connection may take before start-up (or a query) reports the server unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a pool of connections to a PostgreSQL server (DATABASE_URL: several bridge processes on one
 * database, DESIGN §5) and checks that it answers. Same contract and same values as openPglite: see
 * `typeParsers`. Parameters are sent as pg sends them, so pass a jsonb value as JSON text
 * (JSON.stringify), as the bridge does everywhere: pg would turn a JavaScript array into a
 * PostgreSQL array literal, where PGlite, which knows the parameter's type, would write JSON.
 */
export async function openPostgres(url: string): Promise<Sql> {
	const options: pg.PoolConfig = {
		connectionString: url,
		types: typeParsers,
		connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
		application_name: 'paysplit-bridge',
		// PGlite's session settings, whatever the server's defaults: SQL that turns a timestamptz into
		// a date or a day computes in UTC on both, and pg's parsers read ISO dates only.
		onConnect: async (client) => {
			await client.query(`SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET IntervalStyle = 'postgres'`);
		}
	};
	const pool = new pg.Pool(options);
	// The connections that hold a `withLock` lock while their holder works through `pool`: in a pool
	// of their own, so that lock holders can never take every connection their own work needs.
	const lockPool = new pg.Pool({ ...options, max: 8, application_name: 'paysplit-bridge-locks' });
	// An idle connection that drops (the server restarted) is an 'error' event; unheard, it would
	// end the process. The pool forgets that connection and the next query opens a new one.
	pool.on('error', () => {});
	lockPool.on('error', () => {});
	try {
		await pool.query('SELECT 1');
	} catch (error) {
		await Promise.all([pool.end(), lockPool.end()]);
		throw new Error(`PostgreSQL at ${redactUrl(url)} ${connectProblem(error, url)}`);
	}

	const locks = createKeyedMutex();
	/** Takes the advisory lock on a connection of its own, runs `work`, unlocks. `wait: false`: undefined when taken. */
	async function holdAdvisoryLock<T>(key: string, wait: boolean, work: () => Promise<T>): Promise<{ value: T } | undefined> {
		const client = await lockPool.connect();
		let lost: Error | undefined;
		const onError = (error: Error) => (lost = error);
		client.on('error', onError);
		try {
			// hashtextextended: a 64-bit lock id from the name (PostgreSQL 11+). Two names that collide
			// only make their holders take turns.
			if (wait) await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [key]);
			else if (!(await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [key])).rows[0]?.locked) return undefined;
			try {
				return { value: await work() };
			} finally {
				// If the connection dropped while `work` ran, the server already let the lock go.
				if (!lost) await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]).catch((error: Error) => (lost = error));
			}
		} finally {
			client.off('error', onError);
			// A connection that failed is closed rather than reused, so it never goes back holding a lock.
			client.release(lost);
		}
	}

	return {
		query: (text, params) => runQuery(pool, text, params),
		exec: async (text) => {
			await pool.query(text);
		},
		async transaction(work) {
			const client = await pool.connect();
			let broken: Error | undefined;
			const onError = (error: Error) => (broken = error);
			client.on('error', onError);
			const tx = scopedTx(client);
			try {
				await client.query('BEGIN');
				try {
					const value = await work(tx.handle);
					await client.query('COMMIT');
					return value;
				} catch (error) {
					await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
					throw error;
				}
			} finally {
				tx.end();
				client.off('error', onError);
				client.release(broken);
			}
		},
		// The lock in this process comes first, so that holders here queue in memory rather than each
		// keep a connection open waiting on the server.
		withLock: (key, work) => locks.run(key, async () => (await holdAdvisoryLock(key, true, work))!.value),
		async tryWithLock(key, work) {
			const outcome = await locks.tryRun(key, () => holdAdvisoryLock(key, false, work));
			return outcome.locked && outcome.value ? { locked: true, value: outcome.value.value } : { locked: false };
		},
		close: async () => {
			await Promise.all([pool.end(), lockPool.end()]);
		}
	};
}

async function runQuery<Row>(on: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[] = []): Promise<Row[]> {
	const result = await on.query(text, params as unknown[]);
	return result.rows as Row[];
}

/** The `tx` a transaction's work gets: its one connection, refusing use after the transaction ended. */
function scopedTx(client: pg.PoolClient): { handle: SqlTx; end(): void } {
	let open = true;
	const check = () => {
		if (!open) throw new Error('a transaction was used after it ended: await every query inside its `transaction(work)`');
	};
	return {
		handle: {
			query: async (text, params) => (check(), runQuery(client, text, params)),
			exec: async (text) => {
				check();
				await client.query(text);
			}
		},
		end: () => (open = false)
	};
}

/**
 * pg's type parsers, set on this pool's connections only (never pg's global ones), so that a row
 * reads the same from a PostgreSQL server as from PGlite (openPglite, test/integration/store).
 */
const typeParsers: pg.CustomTypesConfig = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
		if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
		return TEXT_PARSERS[oid] ?? pgParser(oid);
	}) as pg.CustomTypesConfig['getTypeParser']
};

const OID = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184, INTERVAL: 1186, NUMERIC: 1700, INT8_ARRAY: 1016, DATE_ARRAY: 1182, TEXT_ARRAY: 1009 } as const;

/** pg's own text parser for a type (its typing lists only some type ids). */
const pgParser = (oid: number) => pg.types.getTypeParser(oid, 'text') as (value: string) => unknown;
const parseTimestamptz = pgParser(OID.TIMESTAMPTZ) as (value: string) => Date | number;
const parseTextArray = pgParser(OID.TEXT_ARRAY) as (value: string) => unknown[];

/** bigint columns hold keys and cents: a number, or a loud error rather than a silently rounded one. */
function parseInt8(value: string): number {
	const n = Number(value);
	if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is beyond JavaScript's safe integers (±${Number.MAX_SAFE_INTEGER}): Paysplit's bigints are keys and cents`);
	return n;
}

const mapArray = (parse: (value: string) => unknown) => (text: string) => {
	const each = (item: unknown): unknown => (Array.isArray(item) ? item.map(each) : item === null ? null : parse(String(item)));
	return parseTextArray(text).map(each);
};

const TEXT_PARSERS: Record<number, (value: string) => unknown> = {
	[OID.INT8]: parseInt8,
	[OID.INT8_ARRAY]: mapArray(parseInt8),
	// The text PostgreSQL wrote, as PGlite gives it (see openPglite): a Date would be midnight UTC.
	[OID.DATE]: (value) => value,
	[OID.DATE_ARRAY]: mapArray((value) => value),
	[OID.NUMERIC]: (value) => value,
	[OID.TIMESTAMPTZ]: parseTimestamptz,
	[OID.INTERVAL]: (value) => value
};

/** The URL with its password (and any `password=` parameter) replaced by ***: for messages and logs. */
export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
		return parsed.toString().replace(/%2A%2A%2A/g, '***');
	} catch {
		return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
	}
}

/** Why the first connection failed, in words a person can act on; never the password. */
function connectProblem(error: unknown, url: string): string {
	const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : '';
	const raw = error instanceof Error ? error.message : String(error);
	let password = '';
	try {
		password = decodeURIComponent(new URL(url).password);
	} catch {
		// An unparsable URL has no password we could find; pg has already said what is wrong with it.
	}
	const detail = password ? raw.split(password).join('***') : raw;
	switch (code) {
		case 'ECONNREFUSED':
			return `refused the connection: is the server running and listening on that host and port? (${detail})`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `cannot be reached: the host name does not resolve (${detail})`;
		case '28P01':
			return `refused the user name or password (${detail})`;
		case '28000':
			return `does not let this user in from here: see the server's pg_hba.conf (${detail})`;
		case '3D000':
			return `has no such database: create it first, e.g. createdb (${detail})`;
		default:
			return /timeout/i.test(raw) ? `did not answer within ${CONNECT_TIMEOUT_MS / 1000} s (${detail})` : `cannot be used: ${detail}`;
	}
}
