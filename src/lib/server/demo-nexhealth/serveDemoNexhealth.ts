import { dirname, join, resolve } from 'node:path';
import { todayIn } from '$lib/domain/dates/todayIn';
import { parseConfig } from '../config/config';
import type { DemoClock } from '../demo-pms/api/postPayment';
import { closeServer, listenServer } from '../http/listenServer';
import { serveFetchHandler } from '../http/serveFetchHandler';
import { openPglite } from '../store/openPglite';
import { DataDirNotPrivateError, privateDataDir } from '../store/privateDataDir';
import { createDemoNexhealth, DemoNexhealthEmrMismatch, type DemoNexhealth } from './createDemoNexhealth';
import { EMR_INFO, isNexEmr, NEX_EMRS, type NexEmr } from './nexEmr';

/** A port of its own, beside Open Dental's 30222/30223 (the demo PMS), for `npm run demo-nexhealth`. */
export const DEMO_NEXHEALTH_DEFAULT_PORT = 30300;

export type DemoNexhealthServeOptions = { emr: NexEmr; port: number; host: string; dataDir: string; patients: number; syncSeconds: number; timeZone: string; clock: DemoClock };

export type DemoNexhealthServer = {
	/** NexHealth's base URL for the bridges (NEXHEALTH_URL), e.g. http://127.0.0.1:30300. */
	url: string;
	port: number;
	emr: NexEmr;
	keys: DemoNexhealth['keys'];
	dataDir: string;
	seeded: boolean;
	stop(): Promise<void>;
};

/**
 * Reads the stand-alone fake's settings: DEMO_EMR (dentrix, the default, or eaglesoft),
 * DEMO_NEXHEALTH_PORT (default 30300), HOST, DATA_DIR (its database goes to
 * DATA_DIR/demo-nexhealth-standalone, beside a bridge's own), DEMO_TODAY, DEMO_PATIENTS,
 * DEMO_SYNC_SECONDS (default 5) and PRACTICE_TZ. The shared ones are checked by the bridge's own
 * schema, so the messages match.
 */
export function parseDemoNexhealthEnv(env: Record<string, string | undefined>, now: () => Date = () => new Date()): { ok: true; options: DemoNexhealthServeOptions } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	const emr = (env.DEMO_EMR?.trim() || 'dentrix').toLowerCase();
	if (emr === 'opendental') problems.push('DEMO_EMR "opendental" is served by the demo PMS (npm run demo-pms), not by this NexHealth fake: set DEMO_EMR to dentrix or eaglesoft');
	else if (emr === 'fuse') problems.push('DEMO_EMR "fuse": NexHealth does not sync Fuse (Patterson), and Fuse has no published interface for ledger writes: set DEMO_EMR to dentrix or eaglesoft');
	else if (!isNexEmr(emr)) problems.push(`DEMO_EMR "${emr}" is not a PMS this NexHealth fake stands for: set it to ${NEX_EMRS.join(' or ')}`);
	const rawPort = env.DEMO_NEXHEALTH_PORT?.trim() || String(DEMO_NEXHEALTH_DEFAULT_PORT);
	if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) problems.push(`DEMO_NEXHEALTH_PORT "${rawPort}" must be a TCP port number from 0 to 65535`);
	const rawSync = env.DEMO_SYNC_SECONDS?.trim() || '5';
	if (!/^\d+(\.\d+)?$/.test(rawSync) || Number(rawSync) > 86_400) problems.push(`DEMO_SYNC_SECONDS "${rawSync}" must be a number of seconds from 0 to 86400 (how long an accepted write takes to reach the PMS)`);
	// Only the variables the fake reads: a shell that also has PMS=… for a bridge is fine.
	const shared = parseConfig({ HOST: env.HOST, DATA_DIR: env.DATA_DIR, DEMO_TODAY: env.DEMO_TODAY, DEMO_PATIENTS: env.DEMO_PATIENTS, PRACTICE_TZ: env.PRACTICE_TZ });
	if (!shared.ok) problems.push(...shared.problems);
	if (!shared.ok || problems.length > 0 || !isNexEmr(emr)) return { ok: false, problems };
	const { HOST, DATA_DIR, DEMO_TODAY, DEMO_PATIENTS, PRACTICE_TZ } = shared.config;
	return {
		ok: true,
		options: {
			emr,
			port: Number(rawPort),
			host: HOST,
			dataDir: join(resolve(DATA_DIR), 'demo-nexhealth-standalone'),
			patients: DEMO_PATIENTS,
			syncSeconds: Number(rawSync),
			timeZone: PRACTICE_TZ,
			clock: { today: () => DEMO_TODAY ?? todayIn(PRACTICE_TZ, now()), now }
		}
	};
}

/**
 * The NexHealth fake alone, over HTTP on its own port, so that bridges (and the connector's tests)
 * can talk to it as to nexhealth.info. The port is taken before the database is opened: a second
 * copy started by mistake stops there, never touching the first one's PGlite directory (which
 * belongs to one process, DESIGN §5).
 */
export async function serveDemoNexhealth(options: DemoNexhealthServeOptions): Promise<DemoNexhealthServer> {
	let demo: DemoNexhealth | undefined;
	let ready!: (demo: DemoNexhealth) => void;
	const opened = new Promise<DemoNexhealth>((r) => (ready = r));
	const server = serveFetchHandler(async (request) => (demo ?? (await opened)).api(request));
	const port = await listenServer(server, options.port, options.host);
	let sql: Awaited<ReturnType<typeof openPglite>> | undefined;
	try {
		sql = await openPglite(options.dataDir);
		demo = await createDemoNexhealth(sql, options.clock, { emr: options.emr, syncSeconds: options.syncSeconds, patients: options.patients, timeZone: options.timeZone });
	} catch (error) {
		await closeServer(server);
		await sql?.close().catch(() => undefined);
		throw error;
	}
	ready(demo);
	const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
	const running = demo;
	const db = sql;
	return {
		url: `http://${shownHost}:${port}`,
		port,
		emr: options.emr,
		keys: running.keys,
		dataDir: options.dataDir,
		seeded: running.seeded,
		async stop() {
			await closeServer(server);
			await running.stop();
			await db.close();
		}
	};
}

/** `npm run demo-nexhealth` (scripts/demo-nexhealth.js): serves until SIGINT or SIGTERM; a bad setting or a taken port ends the process with the reason. */
export async function runStandaloneDemoNexhealth(env: Record<string, string | undefined>): Promise<void> {
	const parsed = parseDemoNexhealthEnv(env);
	if (!parsed.ok) {
		console.error('The demo NexHealth cannot start. Fix these settings (environment variables) and start again:');
		for (const problem of parsed.problems) console.error(`  - ${problem}`);
		process.exit(1);
	}
	const { options } = parsed;
	// As the bridge does (startBridge): its database is patient data, private to this user (issue 13).
	process.umask(0o077);
	try {
		privateDataDir(dirname(options.dataDir));
	} catch (error) {
		if (!(error instanceof DataDirNotPrivateError)) throw error;
		console.error(`The demo NexHealth cannot start.\n  - ${error.message}`);
		process.exit(1);
	}
	let running: DemoNexhealthServer;
	try {
		running = await serveDemoNexhealth(options);
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'EADDRINUSE') console.error(`The demo NexHealth cannot start: port ${options.port} on ${options.host} is taken (another demo NexHealth?). Set DEMO_NEXHEALTH_PORT to another port.`);
		else if (error instanceof DemoNexhealthEmrMismatch) console.error(`The demo NexHealth cannot start: ${options.dataDir} holds a ${error.seededAs} practice, and DEMO_EMR is ${error.asked}. Start it with DEMO_EMR=${error.seededAs}, or give ${error.asked} another DATA_DIR.`);
		else console.error('The demo NexHealth could not start:', error);
		process.exit(1);
	}
	const { url, keys, dataDir, seeded, emr } = running;
	console.log(`Demo NexHealth (a ${EMR_INFO[emr].display_name} practice, NexHealth API v20240412) listening on ${url}`);
	console.log(`  practice: ${dataDir} (${seeded ? 'seeded now' : 'as left last time'}; today is ${options.clock.today()}); writes reach the PMS ${options.syncSeconds} s after they are accepted`);
	console.log('  start each bridge that uses it with:');
	console.log(`  NEXHEALTH_URL=${url} NEXHEALTH_API_KEY=${keys.apiKey} NEXHEALTH_SUBDOMAIN=${keys.subdomain} NEXHEALTH_LOCATION_ID=${keys.locationId}`);
	const shutdown = () => {
		void running.stop().then(() => process.exit(0));
		setTimeout(() => process.exit(0), 10_000).unref();
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}
