import { dirname, join, resolve } from 'node:path';
import { todayIn } from '$lib/domain/dates/todayIn';
import { parseConfig } from '../config/config';
import { closeServer, listenServer } from '../http/listenServer';
import { serveFetchHandler } from '../http/serveFetchHandler';
import { openPglite } from '../store/openPglite';
import { DataDirNotPrivateError, privateDataDir } from '../store/privateDataDir';
import type { DemoClock } from './api/postPayment';
import { createDemoPms, DEMO_KEYS, type DemoPms } from './createDemoPms';

/** Open Dental's Local API port (its remote API is 30223): where a bridge would look for Open Dental. */
export const DEMO_PMS_DEFAULT_PORT = 30222;

export type DemoPmsOptions = { port: number; host: string; dataDir: string; patients: number; clock: DemoClock };

export type DemoPmsServer = {
	/** The Open Dental API base URL, e.g. http://127.0.0.1:30222/api/v1 (OPENDENTAL_URL for the bridges). */
	apiUrl: string;
	port: number;
	keys: { developerKey: string; customerKey: string };
	dataDir: string;
	seeded: boolean;
	stop(): Promise<void>;
};

/**
 * Reads the stand-alone demo PMS's settings: DEMO_PMS_PORT, else PORT (default 30222), HOST, DATA_DIR (its
 * database goes to DATA_DIR/demo-pms-standalone, beside a bridge's own), DEMO_TODAY, DEMO_PATIENTS,
 * PRACTICE_TZ. The shared ones are checked by the bridge's own schema, so the messages match.
 */
export function parseDemoPmsEnv(env: Record<string, string | undefined>, now: () => Date = () => new Date()): { ok: true; options: DemoPmsOptions } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	// DEMO_PMS_PORT first, so that a shell that sets PORT for a bridge can start the demo PMS beside it.
	const portVariable = env.DEMO_PMS_PORT?.trim() ? 'DEMO_PMS_PORT' : env.PORT?.trim() ? 'PORT' : undefined;
	const rawPort = (portVariable ? env[portVariable]?.trim() : undefined) ?? String(DEMO_PMS_DEFAULT_PORT);
	if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) problems.push(`${portVariable ?? 'DEMO_PMS_PORT'} "${rawPort}" must be a TCP port number from 0 to 65535`);
	// Only the variables the demo reads: a shell that also has PMS=opendental for a bridge is fine.
	const shared = parseConfig({ HOST: env.HOST, DATA_DIR: env.DATA_DIR, DEMO_TODAY: env.DEMO_TODAY, DEMO_PATIENTS: env.DEMO_PATIENTS, PRACTICE_TZ: env.PRACTICE_TZ });
	if (!shared.ok) problems.push(...shared.problems);
	if (!shared.ok || problems.length > 0) return { ok: false, problems };
	const { HOST, DATA_DIR, DEMO_TODAY, DEMO_PATIENTS, PRACTICE_TZ } = shared.config;
	return {
		ok: true,
		options: {
			port: Number(rawPort),
			host: HOST,
			dataDir: join(resolve(DATA_DIR), 'demo-pms-standalone'),
			patients: DEMO_PATIENTS,
			clock: { today: () => DEMO_TODAY ?? todayIn(PRACTICE_TZ, now()), now }
		}
	};
}

/**
 * The demo practice alone, as an Open Dental API over HTTP on its own port, so that several bridges
 * (PMS=opendental) can post to one practice (issue 5). The port is taken before the database is
 * opened: a second copy started by mistake stops there, never touching the first one's PGlite
 * directory (which belongs to one process, DESIGN §5).
 */
export async function serveDemoPms(options: DemoPmsOptions): Promise<DemoPmsServer> {
	let demo: DemoPms | undefined;
	let ready!: (demo: DemoPms) => void;
	const opened = new Promise<DemoPms>((r) => (ready = r));
	const server = serveFetchHandler(async (request) => {
		const path = new URL(request.url).pathname;
		if (!path.startsWith('/api/v1/')) return Response.json(`Not found: the demo PMS answers Open Dental API requests under /api/v1/`, { status: 404 });
		return (demo ?? (await opened)).api(request, path.slice('/api/v1'.length));
	});
	const port = await listenServer(server, options.port, options.host);
	try {
		const sql = await openPglite(options.dataDir);
		demo = await createDemoPms(sql, options.clock, { keys: DEMO_KEYS, patients: options.patients });
	} catch (error) {
		await closeServer(server);
		throw error;
	}
	ready(demo);
	const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
	const { sql } = demo;
	return {
		apiUrl: `http://${shownHost}:${port}/api/v1`,
		port,
		keys: DEMO_KEYS,
		dataDir: options.dataDir,
		seeded: demo.seeded,
		async stop() {
			await closeServer(server);
			await sql.close();
		}
	};
}

/** `npm run demo-pms` (scripts/demo-pms.js): serves until SIGINT or SIGTERM; a bad setting or a taken port ends the process with the reason. */
export async function runStandaloneDemoPms(env: Record<string, string | undefined>): Promise<void> {
	const parsed = parseDemoPmsEnv(env);
	if (!parsed.ok) {
		console.error('The demo PMS cannot start. Fix these settings (environment variables) and start again:');
		for (const problem of parsed.problems) console.error(`  - ${problem}`);
		process.exit(1);
	}
	// As the bridge does (startBridge): its database is patient data, private to this user (issue 13).
	process.umask(0o077);
	try {
		privateDataDir(dirname(parsed.options.dataDir));
	} catch (error) {
		if (!(error instanceof DataDirNotPrivateError)) throw error;
		console.error(`The demo PMS cannot start.\n  - ${error.message}`);
		process.exit(1);
	}
	let running: DemoPmsServer;
	try {
		running = await serveDemoPms(parsed.options);
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'EADDRINUSE') console.error(`The demo PMS cannot start: port ${parsed.options.port} on ${parsed.options.host} is taken (another demo PMS, or Open Dental?). Set DEMO_PMS_PORT (or PORT) to another port.`);
		else console.error('The demo PMS could not start:', error);
		process.exit(1);
	}
	const { apiUrl, keys, dataDir, seeded } = running;
	console.log(`Demo PMS (Open Dental API) listening on ${apiUrl}`);
	console.log(`  practice: ${dataDir} (${seeded ? 'seeded now' : 'as left last time'}; today is ${parsed.options.clock.today()})`);
	console.log('  start each bridge that shares it with:');
	console.log(`  PMS=opendental OPENDENTAL_URL=${apiUrl} OPENDENTAL_DEVELOPER_KEY=${keys.developerKey} OPENDENTAL_CUSTOMER_KEY=${keys.customerKey}`);
	const shutdown = () => {
		void running.stop().then(() => process.exit(0));
		setTimeout(() => process.exit(0), 10_000).unref();
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}
