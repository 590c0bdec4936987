import { describe, expect, it } from 'vitest';
import { openPostgres } from '$lib/server/store/openPostgres';
import type { Sql } from '$lib/server/store/Sql';
import { useSqlBackends } from '../../support/sqlBackends';

const backends = useSqlBackends();

function deferred<T = void>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

/** Rejects when `promise` has not settled in `ms`: a test that would otherwise hang says what it waited for. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
	return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);
}

/** Whether `promise` is still pending after `ms`. */
async function stillPending(promise: Promise<unknown>, ms: number): Promise<boolean> {
	const marker = Symbol('pending');
	return (await Promise.race([promise.then(() => null, () => null), new Promise((r) => setTimeout(() => r(marker), ms))])) === marker;
}

async function accounts(sql: Sql): Promise<void> {
	await sql.exec(`CREATE TABLE account (id integer PRIMARY KEY, balance bigint NOT NULL); INSERT INTO account VALUES (1, 100), (2, 200)`);
}
const balances = async (sql: Sql) => (await sql.query<{ id: number; balance: number }>(`SELECT id, balance FROM account ORDER BY id`)).map((r) => r.balance);

describe.each(backends.both)('transactions on $name', (backend) => {
	it('commit what `work` did when it resolves, and give back its value', async () => {
		const sql = await backend.open();
		await accounts(sql);
		const value = await sql.transaction(async (tx) => {
			await tx.query(`UPDATE account SET balance = balance - 50 WHERE id = 1`);
			await tx.query(`UPDATE account SET balance = balance + 50 WHERE id = 2`);
			return (await tx.query<{ balance: number }>(`SELECT balance FROM account WHERE id = 2`))[0]?.balance;
		});
		expect(value).toBe(250);
		expect(await balances(sql)).toEqual([50, 250]);
	});

	it('roll back everything `work` did when it throws, and throw that same error', async () => {
		const sql = await backend.open();
		await accounts(sql);
		const failure = new Error('the PMS said no');
		await expect(
			sql.transaction(async (tx) => {
				await tx.query(`UPDATE account SET balance = balance - 50 WHERE id = 1`);
				await tx.exec(`INSERT INTO account VALUES (3, 0); UPDATE account SET balance = 0 WHERE id = 2`);
				throw failure;
			})
		).rejects.toBe(failure);
		expect(await balances(sql)).toEqual([100, 200]);
	});

	it('roll back when a statement fails, and leave the store usable', async () => {
		const sql = await backend.open();
		await accounts(sql);
		await expect(
			sql.transaction(async (tx) => {
				await tx.query(`UPDATE account SET balance = 0 WHERE id = 1`);
				await tx.query(`INSERT INTO account VALUES (2, 0)`);
			})
		).rejects.toThrow(/duplicate key/);
		expect(await balances(sql)).toEqual([100, 200]);
		expect(await sql.transaction((tx) => tx.query(`SELECT count(*) AS n FROM account`))).toEqual([{ n: 2 }]);
	});

	it('take and release a pg_advisory_xact_lock with the transaction', async () => {
		const sql = await backend.open();
		const advisoryLocks = `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 42 AND pid = pg_backend_pid()`;
		const inside = await sql.transaction(async (tx) => {
			await tx.query(`SELECT pg_advisory_xact_lock($1)`, [42]);
			return tx.query<{ n: number }>(advisoryLocks);
		});
		expect(inside).toEqual([{ n: 1 }]);
		expect(await sql.query(advisoryLocks)).toEqual([{ n: 0 }]);
	});
});

describe.each(backends.both)('locks by name (withLock) on $name', (backend) => {
	it('let one holder of a name work at a time, and holders of other names at the same time', async () => {
		const sql = await backend.open();
		const events: string[] = [];
		const firstHolds = deferred();
		const releaseFirst = deferred();
		const first = sql.withLock('family:1', async () => {
			events.push('first in');
			firstHolds.resolve();
			await releaseFirst.promise;
			events.push('first out');
		});
		await firstHolds.promise;
		const second = sql.withLock('family:1', async () => void events.push('second in'));
		const other = sql.withLock('family:2', async () => 'other family ran');
		expect(await within(5_000, 'a lock on another name', other)).toBe('other family ran');
		expect(await stillPending(second, 300)).toBe(true);
		expect(await sql.tryWithLock('family:1', async () => 'ran')).toEqual({ locked: false });
		releaseFirst.resolve();
		await within(5_000, 'the second holder', Promise.all([first, second]));
		expect(events).toEqual(['first in', 'first out', 'second in']);
		expect(await sql.tryWithLock('family:1', async () => 'ran')).toEqual({ locked: true, value: 'ran' });
	});

	it('release the lock when `work` throws', async () => {
		const sql = await backend.open();
		await expect(sql.withLock('family:1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await within(5_000, 'the lock after a failure', sql.withLock('family:1', async () => 'free'))).toBe('free');
	});
});

describe('a PostgreSQL server shared by several bridge processes', () => {
	/** Two stores on one database, each with its own pool: as two bridge processes would be. */
	async function twoProcesses(): Promise<[Sql, Sql]> {
		const url = await backends.postgres.newDatabaseUrl();
		const a = backends.closeAfterTest(await openPostgres(url));
		const b = backends.closeAfterTest(await openPostgres(url));
		await accounts(a);
		return [a, b];
	}

	it('runs transactions that lock different rows (SELECT … FOR UPDATE) at the same time', async () => {
		const [a, b] = await twoProcesses();
		const aLocked = deferred();
		const bLocked = deferred();
		// Each waits, holding its row, for the other to hold its own: only concurrent transactions finish.
		const first = a.transaction(async (tx) => {
			await tx.query(`SELECT * FROM account WHERE id = 1 FOR UPDATE`);
			aLocked.resolve();
			await bLocked.promise;
			await tx.query(`UPDATE account SET balance = balance + 1 WHERE id = 1`);
		});
		const second = b.transaction(async (tx) => {
			await tx.query(`SELECT * FROM account WHERE id = 2 FOR UPDATE`);
			bLocked.resolve();
			await aLocked.promise;
			await tx.query(`UPDATE account SET balance = balance + 1 WHERE id = 2`);
		});
		await within(5_000, 'two transactions on different rows', Promise.all([first, second]));
		expect(await balances(a)).toEqual([101, 201]);
	});

	it('makes a transaction that locks the same row wait for the first to commit, then see its write', async () => {
		const [a, b] = await twoProcesses();
		const aLocked = deferred();
		const commitA = deferred();
		const first = a.transaction(async (tx) => {
			await tx.query(`SELECT * FROM account WHERE id = 1 FOR UPDATE`);
			aLocked.resolve();
			await commitA.promise;
			await tx.query(`UPDATE account SET balance = balance - 30 WHERE id = 1`);
		});
		await aLocked.promise;
		const second = b.transaction(async (tx) => (await tx.query<{ balance: number }>(`SELECT balance FROM account WHERE id = 1 FOR UPDATE`))[0]?.balance);
		expect(await stillPending(second, 400)).toBe(true);
		const waiting = await a.query(`SELECT wait_event_type FROM pg_stat_activity WHERE query LIKE '%FOR UPDATE' AND wait_event_type = 'Lock'`);
		expect(waiting).toHaveLength(1);
		commitA.resolve();
		await first;
		expect(await within(5_000, 'the waiting transaction', second)).toBe(70);
	});

	it('lets only one transaction at a time hold a pg_advisory_xact_lock, across processes', async () => {
		const [a, b] = await twoProcesses();
		const aLocked = deferred();
		const commitA = deferred();
		const first = a.transaction(async (tx) => {
			await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, ['family:7']);
			aLocked.resolve();
			await commitA.promise;
		});
		await aLocked.promise;
		const tryLock = (sql: Sql) => sql.transaction(async (tx) => (await tx.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS got`, ['family:7']))[0]?.got);
		expect(await tryLock(b)).toBe(false);
		commitA.resolve();
		await first;
		expect(await tryLock(b)).toBe(true);
	});

	it('keeps the holders of a withLock name apart across processes, for longer than one transaction', async () => {
		const [a, b] = await twoProcesses();
		const aHolds = deferred();
		const releaseA = deferred();
		const events: string[] = [];
		const first = a.withLock('family:1', async () => {
			await a.transaction((tx) => tx.query(`UPDATE account SET balance = balance - 10 WHERE id = 1`));
			events.push('a wrote once');
			aHolds.resolve();
			await releaseA.promise; // e.g. the call to the PMS between two transactions
			await a.transaction((tx) => tx.query(`UPDATE account SET balance = balance - 10 WHERE id = 1`));
			events.push('a wrote twice');
		});
		await aHolds.promise;
		expect(await b.tryWithLock('family:1', async () => 'ran')).toEqual({ locked: false });
		expect(await b.tryWithLock('family:2', async () => 'ran')).toEqual({ locked: true, value: 'ran' });
		const second = b.withLock('family:1', async () => {
			events.push(`b read ${(await balances(b))[0]}`);
		});
		expect(await stillPending(second, 400)).toBe(true);
		releaseA.resolve();
		await within(5_000, 'the other process’s holder', Promise.all([first, second]));
		expect(events).toEqual(['a wrote once', 'a wrote twice', 'b read 80']);
	});

	it('lets a lock go when the connection holding it goes away, and lets its holder finish', async () => {
		const [a, b] = await twoProcesses();
		const aHolds = deferred();
		const finish = deferred();
		const holder = a.withLock('family:1', async () => {
			aHolds.resolve();
			await finish.promise;
			return 'finished';
		});
		await aHolds.promise;
		expect(await b.tryWithLock('family:1', async () => 'ran')).toEqual({ locked: false });
		// As when that bridge process dies, or the network between it and the server breaks.
		await b.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted`);
		expect(await within(5_000, 'the lock of a connection that went away', b.withLock('family:1', async () => 'free'))).toBe('free');
		finish.resolve();
		expect(await within(5_000, 'the holder whose connection went away', holder)).toBe('finished');
	});

	it('refuses a transaction’s `tx` once the transaction has ended', async () => {
		const sql = await backends.postgres.open();
		let leaked: Parameters<Parameters<Sql['transaction']>[0]>[0] | undefined;
		await sql.transaction(async (tx) => void (leaked = tx));
		await expect(leaked!.query(`SELECT 1`)).rejects.toThrow(/used after it ended/);
	});
});
