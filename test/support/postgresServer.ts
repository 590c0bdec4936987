import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export type PostgresServer = {
	/** A database made for this test file, e.g. postgres://postgres@127.0.0.1:<port>/paysplit_test. */
	url: string;
	port: number;
	/** Makes another empty database on this server and returns its URL. */
	createDatabase(name: string): Promise<string>;
	/** What the server printed (for failure messages). */
	output(): string;
	/** Stops the server and deletes its files. */
	stop(): Promise<void>;
};

/** Session defaults unlike PGlite's (UTC, ISO dates), as a server elsewhere may have: openPostgres must set its own. */
const UNLIKE_PGLITE = ['-c', 'TimeZone=America/New_York', '-c', 'DateStyle=SQL, DMY', '-c', 'IntervalStyle=sql_standard'];

const INSTALL_HINT =
	'Tests that need a PostgreSQL server start a throwaway one from its binaries (initdb, postgres). ' +
	'Install them — Debian: `apt-get install postgresql` (.ci/run does) — or point PG_BIN at the folder that holds them.';

/**
 * A PostgreSQL server for one test file. With TEST_DATABASE_URL (a server someone runs, and a user
 * that may create databases) its databases are made there, under names unique to this test run,
 * and dropped again by `stop()`. Without it, a throwaway server is started (see startThrowawayServer).
 */
export async function startPostgresServer(): Promise<PostgresServer> {
	const given = process.env.TEST_DATABASE_URL?.trim();
	return given ? useGivenServer(given) : startThrowawayServer();
}

async function useGivenServer(adminUrl: string): Promise<PostgresServer> {
	let parsed: URL;
	try {
		parsed = new URL(adminUrl);
	} catch {
		throw new Error(`TEST_DATABASE_URL "${adminUrl}" is not a URL: use postgres://user:password@host:5432/database`);
	}
	const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
		const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
		await client.connect();
		try {
			return await work(client);
		} finally {
			await client.end();
		}
	};
	const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const made: string[] = [];
	const server: PostgresServer = {
		url: '',
		port: Number(parsed.port || 5432),
		async createDatabase(name) {
			if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
			const unique = `t_${name}_${run}`.slice(0, 63);
			await admin((client) => client.query(`CREATE DATABASE ${unique}`));
			made.push(unique);
			const url = new URL(adminUrl);
			url.pathname = `/${unique}`;
			return url.toString();
		},
		output: () => `the server at TEST_DATABASE_URL (${parsed.host})`,
		async stop() {
			// FORCE: a bridge killed by a test may have left sessions behind.
			await admin(async (client) => {
				for (const name of made.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			});
		}
	};
	server.url = await server.createDatabase('paysplit_test');
	return server;
}

/**
 * Starts a throwaway PostgreSQL server for one test file: a fresh cluster in a temporary folder,
 * trusting local connections, listening on a free port of 127.0.0.1 only (its unix socket stays in
 * that folder), without fsync. PostgreSQL refuses to run as root; as root the cluster belongs to
 * the `postgres` user that Debian's package creates (else `nobody`), and the server runs as that user.
 * Without PostgreSQL installed this throws (the tests fail, saying what to install); it never skips.
 */
async function startThrowawayServer(): Promise<PostgresServer> {
	const bin = findPostgresBin();
	const owner = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
	const dir = mkdtempSync(join(tmpdir(), 'paysplit-pg-'));
	if (owner) chownSync(dir, owner.uid, owner.gid);
	chmodSync(dir, 0o700);
	const data = join(dir, 'data');
	const asOwner = { cwd: dir, ...(owner ?? {}), env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } };
	try {
		execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-instructions', '--locale=C', '--encoding=UTF8'], { ...asOwner, stdio: 'pipe' });
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
		throw new Error(`initdb failed${owner ? ` (as user ${owner.name})` : ''}: ${stderr || String(error)}`);
	}

	// A port found free can be taken before the server binds it; try a few.
	let lastFailure = '';
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		let output = '';
		const child: ChildProcess = spawn(
			join(bin, 'postgres'),
			['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', ...UNLIKE_PGLITE],
			{ ...asOwner, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		child.stdout?.on('data', (chunk) => (output += String(chunk)));
		child.stderr?.on('data', (chunk) => (output += String(chunk)));
		// If the test process ends without stop(), the server ends with it rather than linger.
		const killOnExit = () => child.kill('SIGKILL');
		process.once('exit', killOnExit);
		const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
		if (await ready(admin, child)) {
			const server: PostgresServer = {
				url: '',
				port,
				async createDatabase(name) {
					if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
					const client = new pg.Client(admin);
					await client.connect();
					try {
						await client.query(`CREATE DATABASE ${name}`);
					} finally {
						await client.end();
					}
					return `postgres://postgres@127.0.0.1:${port}/${name}`;
				},
				output: () => output,
				async stop() {
					process.off('exit', killOnExit);
					if (child.exitCode === null && child.signalCode === null) {
						const exited = new Promise((resolve) => child.once('exit', resolve));
						child.kill('SIGINT'); // fast shutdown: rolls back open transactions, closes sessions
						const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
						await exited;
						clearTimeout(timer);
					}
					rmSync(dir, { recursive: true, force: true });
				}
			};
			try {
				server.url = await server.createDatabase('paysplit_test');
			} catch (error) {
				await server.stop();
				throw error;
			}
			return server;
		}
		process.off('exit', killOnExit);
		if (child.exitCode === null) child.kill('SIGKILL');
		lastFailure = output;
	}
	rmSync(dir, { recursive: true, force: true });
	throw new Error(`PostgreSQL did not start from ${bin}:\n${lastFailure}`);
}

/** The folder with initdb and postgres: PG_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin, else PATH. */
export function findPostgresBin(): string {
	const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
	const fromEnv = process.env.PG_BIN;
	if (fromEnv) {
		if (has(fromEnv)) return fromEnv;
		throw new Error(`PG_BIN "${fromEnv}" holds no initdb and postgres. ${INSTALL_HINT}`);
	}
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		const versions = readdirSync(debian)
			.filter((v) => /^\d+(\.\d+)?$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const version of versions) if (has(join(debian, version, 'bin'))) return join(debian, version, 'bin');
	}
	for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && has(dir)) return dir;
	throw new Error(`PostgreSQL is not installed: found no initdb and postgres in PG_BIN, /usr/lib/postgresql/*/bin or PATH. ${INSTALL_HINT}`);
}

function unprivilegedUser(): { name: string; uid: number; gid: number } {
	for (const name of ['postgres', 'nobody']) {
		try {
			const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
			const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
			if (uid > 0) return { name, uid, gid };
		} catch {
			// No such user: try the next.
		}
	}
	throw new Error('PostgreSQL refuses to run as root, and there is neither a `postgres` nor a `nobody` user to run it as.');
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
		});
	});
}

/** Waits until the server takes connections (true), or exits or takes too long (false). */
async function ready(url: string, child: ChildProcess): Promise<boolean> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) return false;
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
		client.on('error', () => {});
		try {
			await client.connect();
			await client.end();
			return true;
		} catch {
			await client.end().catch(() => {});
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	return false;
}
