import { join, resolve } from 'node:path';
import { todayIn } from '$lib/domain/dates/todayIn';
import { createGuessLimit, type GuessLimit } from '../auth/createGuessLimit';
import { loadAdminSecret } from '../admin/adminSecret';
import { parseConfig, type Config } from '../config/config';
import { PmsRefusedError, refusedPms } from '../config/refusedPms';
import type { PmsConnector, PmsIdentity } from '../connectors/PmsConnector';
import { createWriteWatch, type WriteWatch } from '../pipeline/createWriteWatch';
import { createOpenDentalConnector } from '../connectors/opendental/createOpenDentalConnector';
import { createDemoProcessor, type DemoProcessor } from '../clearing/createDemoProcessor';
import { createDemoPms, DEMO_KEYS, type DemoPms } from '../demo-pms/createDemoPms';
import { demoPmsFetch, EMBEDDED_DEMO_PMS_URL } from '../demo-pms/demoPmsFetch';
import { createDemoNexhealth, DemoNexhealthEmrMismatch, type DemoNexhealth } from '../demo-nexhealth/createDemoNexhealth';
import { demoNexhealthFetch, EMBEDDED_DEMO_NEXHEALTH_URL } from '../demo-nexhealth/demoNexhealthFetch';
import { createNexhealthConnector } from '../connectors/nexhealth/createNexhealthConnector';
import { createLogger, type Logger } from '../log/createLogger';
import { createFollowUpRunner } from '../pipeline/createFollowUpRunner';
import { createPostingWorker, type PostingWorker } from '../pipeline/createPostingWorker';
import { createPracticeMirror, type PracticeMirror } from '../practice/createPracticeMirror';
import { openPglite } from '../store/openPglite';
import { openStore } from '../store/openStore';
import { privateDataDir } from '../store/privateDataDir';
import type { Sql } from '../store/Sql';

export type Bridge = {
	config: Config;
	dataDir: string;
	sql: Sql;
	log: Logger;
	now: () => Date;
	connector: PmsConnector;
	/** The connector and the EMR behind it, as read at start (and again when it could not be). */
	identity(): PmsIdentity;
	/** Whether the PMS takes writes now (the worker's last reading): the health answer carries it to the devices' header. */
	writeWatch: WriteWatch;
	mirror: PracticeMirror;
	worker: PostingWorker;
	/** The embedded Open Dental-compatible demo PMS (PMS=demo, DEMO_EMR=opendental). */
	demo: DemoPms | null;
	/** The embedded NexHealth-compatible fake behind a demo Dentrix or Eaglesoft practice (PMS=demo, DEMO_EMR=dentrix|eaglesoft). */
	demoNexhealth: DemoNexhealth | null;
	adminSecret: string;
	/**
	 * Wrong guesses, counted in the database (a restart does not forgive; every bridge on it counts the
	 * same): manager PINs 5 per device and 30 for the bridge in 15 minutes; pairing codes 10 per
	 * address and 30 for the bridge in 10 minutes. Then 429 until the window passes.
	 */
	guessLimits: { managerPin: GuessLimit; pairingCode: GuessLimit };
	version: string;
	stop(): Promise<void>;
};

export class ConfigError extends Error {
	override name = 'ConfigError';
	constructor(readonly problems: string[]) {
		super(`Paysplit cannot start: ${problems.join('; ')}`);
	}
}

/**
 * The composition root of the bridge: parses the configuration, opens and migrates the store
 * (openStore: DATABASE_URL or PGlite),
 * starts the demo PMS when PMS=demo, wires the connector, the PMS mirror and the posting worker.
 */
export async function startBridge(env: Record<string, string | undefined>, version = '0.1.0'): Promise<Bridge> {
	// scripts/start.js sets it first thing; this covers a bridge started any other way. Everything the
	// bridge writes (database files, admin secret, bridge.json) is then private to its user (issue 13).
	process.umask(0o077);
	const refused = refusedPms(env);
	if (refused) throw new PmsRefusedError(refused.message);
	const parsed = parseConfig(env);
	if (!parsed.ok) throw new ConfigError(parsed.problems);
	const config = parsed.config;
	const log = createLogger(config.LOG_LEVEL);
	const now = () => new Date();
	const dataDir = resolve(config.DATA_DIR);
	privateDataDir(dataDir);

	// The bridge's store: the PostgreSQL server at DATABASE_URL, else PGlite in DATA_DIR/bridge; migrated.
	// The demo practice has its own database (PGlite in DATA_DIR/demo-pms, or DATA_DIR/demo-nexhealth for
	// a Dentrix or Eaglesoft practice behind NexHealth), as a real PMS would: nothing it does can hold a
	// bridge transaction.
	const sql = await openStore(config, dataDir);
	const demoNexEmr = config.PMS === 'demo' && config.DEMO_EMR !== 'opendental' ? config.DEMO_EMR : null;
	const demoDir = demoNexEmr ? 'demo-nexhealth' : 'demo-pms';
	let demoSql: Sql | null;
	try {
		demoSql = config.PMS === 'demo' ? await openPglite(join(dataDir, demoDir)) : null;
	} catch (error) {
		await sql.close();
		throw error;
	}
	const adminSecret = loadAdminSecret(dataDir);

	let demo: DemoPms | null = null;
	let demoNexhealth: DemoNexhealth | null = null;
	let connector: PmsConnector;
	const demoToday = () => config.DEMO_TODAY ?? todayIn(config.PRACTICE_TZ, now());
	const timeoutMs = config.PMS_TIMEOUT_SECONDS * 1000;
	if (demoSql && demoNexEmr) {
		try {
			demoNexhealth = await createDemoNexhealth(demoSql, { today: demoToday, now }, { emr: demoNexEmr, syncSeconds: config.DEMO_SYNC_SECONDS, patients: config.DEMO_PATIENTS, timeZone: config.PRACTICE_TZ });
		} catch (error) {
			await demoSql.close();
			await sql.close();
			if (error instanceof DemoNexhealthEmrMismatch) throw new ConfigError([`DEMO_EMR is ${error.asked}, but ${join(dataDir, demoDir)} holds a ${error.seededAs} demo practice: start with DEMO_EMR=${error.seededAs}, or give ${error.asked} another DATA_DIR`]);
			throw error;
		}
		if (demoNexhealth.seeded) log('info', `demo ${demoNexEmr} practice (behind a NexHealth-compatible fake) seeded in ${join(dataDir, demoDir)}`);
		const { apiKey, subdomain, locationId } = demoNexhealth.keys;
		// The fake's own limits stand in for NexHealth's; the client keeps under them as it would with NexHealth.
		connector = createNexhealthConnector({ baseUrl: EMBEDDED_DEMO_NEXHEALTH_URL, apiKey, subdomain, locationId, timeZone: config.PRACTICE_TZ, fetch: demoNexhealthFetch(demoNexhealth.api), timeoutMs });
	} else if (demoSql) {
		demo = await createDemoPms(demoSql, { today: demoToday, now }, { patients: config.DEMO_PATIENTS });
		if (demo.seeded) log('info', `demo practice seeded in ${join(dataDir, 'demo-pms')}`);
		connector = createOpenDentalConnector({ baseUrl: EMBEDDED_DEMO_PMS_URL, ...DEMO_KEYS, fetch: demoPmsFetch(demo.api), timeoutMs });
	} else if (config.PMS === 'nexhealth') {
		connector = createNexhealthConnector({
			baseUrl: config.NEXHEALTH_URL ?? '',
			apiKey: config.NEXHEALTH_API_KEY ?? '',
			subdomain: config.NEXHEALTH_SUBDOMAIN ?? '',
			locationId: config.NEXHEALTH_LOCATION_ID ?? 0,
			timeZone: config.PRACTICE_TZ,
			fetch: (input, init) => fetch(input, init),
			timeoutMs
		});
	} else {
		connector = createOpenDentalConnector({
			baseUrl: config.OPENDENTAL_URL ?? '',
			developerKey: config.OPENDENTAL_DEVELOPER_KEY ?? '',
			customerKey: config.OPENDENTAL_CUSTOMER_KEY ?? '',
			fetch: (input, init) => fetch(input, init),
			timeoutMs: config.PMS_TIMEOUT_SECONDS * 1000
		});
	}

	const mirror = createPracticeMirror({ sql, connector, now, log: (m) => log('warn', m) });
	const first = await mirror.refresh();
	if (!first.ok) log('warn', `the PMS could not be read at start-up; patients will load when it answers (${first.failure.message})`);
	const settleAfterUnknownMs = 2 * config.PMS_TIMEOUT_SECONDS * 1000;
	// The EMR behind the connector (NexHealth: its sync status), shown in Settings and the health answer.
	let identity: PmsIdentity = { connector: connector.name, emr: connector.name === 'opendental' ? 'Open Dental' : 'the PMS' };
	const identified = await connector.identify();
	if (identified.ok) identity = identified.value;
	else log('warn', `the PMS could not say what it is at start-up (${identified.failure.message}); asked again later`);
	const writeWatch = createWriteWatch(connector, now);
	const followUps = createFollowUpRunner({ sql, connector, now, random: Math.random, log, settleAfterUnknownMs });
	const worker = createPostingWorker({ sql, connector, mirror, now, random: Math.random, log, settleAfterUnknownMs, asyncWriteTimeoutMs: config.NEXHEALTH_WRITE_TIMEOUT_MINUTES * 60_000, timeZone: config.PRACTICE_TZ, followUps, writeWatch });
	worker.start();
	// PMS=demo: a pretend processor settles card and ACH payments after DEMO_SETTLE_SECONDS (0: never),
	// through the same clearing function as the webhook and the settlement import.
	const demoProcessor: DemoProcessor | null =
		config.PMS === 'demo' && config.DEMO_SETTLE_SECONDS > 0 ? createDemoProcessor({ sql, now, settleAfterMs: config.DEMO_SETTLE_SECONDS * 1000, onSettled: () => worker.wake(), log }) : null;
	demoProcessor?.start();
	// Changes made in the PMS itself (new patients, procedures completed, payments keyed there).
	const refresher = setInterval(() => {
		void mirror.refresh();
		void writeWatch.status();
		if (!identified.ok) void connector.identify().then((again) => again.ok && (identity = again.value));
	}, config.PMS_REFRESH_SECONDS * 1000);
	refresher.unref();

	return {
		config,
		dataDir,
		sql,
		log,
		now,
		connector,
		identity: () => identity,
		writeWatch,
		mirror,
		worker,
		demo,
		demoNexhealth,
		adminSecret,
		guessLimits: {
			managerPin: createGuessLimit({ sql, now, scope: 'manager_pin', perCaller: { max: 5, windowMs: 15 * 60_000 }, overall: { max: 30, windowMs: 15 * 60_000 } }),
			pairingCode: createGuessLimit({ sql, now, scope: 'pairing_code', perCaller: { max: 10, windowMs: 10 * 60_000 }, overall: { max: 30, windowMs: 10 * 60_000 } })
		},
		version,
		async stop() {
			clearInterval(refresher);
			await demoProcessor?.stop();
			await worker.stop();
			await demoNexhealth?.stop();
			await sql.close();
			await demoSql?.close();
		}
	};
}
