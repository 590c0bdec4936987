import { createFaults } from '../demo-pms/faults';
import type { DemoClock } from '../demo-pms/api/postPayment';
import { migrate } from '../store/migrate';
import type { Sql } from '../store/Sql';
import { createNexhealthApi, type DemoNexhealthApi } from './api/createNexhealthApi';
import type { NexFault } from './api/demoControl';
import type { NexContext, NexPractice, NexState } from './api/nexContext';
import { createRateLimiter, NEXHEALTH_RATE_LIMITS, type RateLimits } from './api/rateLimiter';
import { createTokenStore } from './api/tokenStore';
import type { NexEmr } from './nexEmr';
import { demoNexhealthMigrations } from './schema';
import { seedNexPractice } from './seed/seedNexPractice';
import { createWriteQueue } from './writeQueue';

/** A database seeded as one PMS, opened as another: the practice would not match what the caller asked for. */
export class DemoNexhealthEmrMismatch extends Error {
	override name = 'DemoNexhealthEmrMismatch';
	constructor(
		readonly seededAs: string,
		readonly asked: string
	) {
		super(`This demo NexHealth database holds a ${seededAs} practice, not ${asked}: use another data directory for ${asked}, or start it with ${seededAs}.`);
	}
}

/** The demo's one API key (a real one comes from NexHealth's developer portal). */
export const DEMO_NEXHEALTH_API_KEY = 'paysplit-demo-nexhealth-key';

export type DemoNexhealthOptions = {
	emr: NexEmr;
	/** Seconds from a 202 to the rows in GET /payments (default 5; real NexHealth: minutes). Fractions allowed, for tests. */
	syncSeconds?: number;
	/** Lifetime of a bearer token (default 3600, NexHealth's production lifetime; short for tests). */
	tokenTtlSeconds?: number;
	/** How many patients the practice gets when first seeded (default 42). */
	patients?: number;
	/** The location's time zone (its `tz`, and the date a payment's paid_at falls on). Default America/New_York. */
	timeZone?: string;
	/** NexHealth's limits (default), other ones, or none (`false`: tests that fire thousands of requests on purpose). */
	rateLimits?: RateLimits | false;
	/** The rate limiter's clock in milliseconds (default performance.now), apart from the demo's calendar clock. */
	rateClock?: () => number;
	apiKey?: string;
	/** Where a bug in the fake is reported (default console.error). */
	log?: (message: string, error: unknown) => void;
};

export type DemoNexhealth = {
	api: DemoNexhealthApi;
	emr: NexEmr;
	keys: { apiKey: string; subdomain: string; locationId: number };
	/** True when this call seeded the practice (a new database). */
	seeded: boolean;
	/** Lands every queued write now, whatever the delay (tests, demos); how many landed. */
	syncNow(): Promise<number>;
	/** Stops the write timers and waits for a write landing now; the database is the caller's to close. */
	stop(): Promise<void>;
};

/**
 * A NexHealth Synchronizer API-compatible server (v20240412) for a practice on Dentrix or Eaglesoft,
 * on its own database (schema `nexhealth`): migrates, seeds the practice on first start
 * (deterministically from `clock.today()`), lands the writes it had accepted before a restart, and
 * returns the API handler. See docs/nexhealth-api-reference.md for what it follows and where.
 */
export async function createDemoNexhealth(sql: Sql, clock: DemoClock, options: DemoNexhealthOptions): Promise<DemoNexhealth> {
	await migrate(sql, demoNexhealthMigrations, 'demo_nexhealth_migration');
	const timeZone = options.timeZone ?? 'America/New_York';
	let seeded = false;
	if ((await sql.query(`SELECT 1 FROM nexhealth.institution LIMIT 1`)).length === 0) {
		await sql.transaction((tx) => seedNexPractice(tx, { emr: options.emr, today: clock.today(), now: clock.now(), timeZone, patients: options.patients }));
		seeded = true;
	}
	const where = (await sql.query<{ institution_id: number; subdomain: string; emr: string; location_id: number; tz: string }>(`SELECT i.id AS institution_id, i.subdomain, i.emr, l.id AS location_id, l.tz FROM nexhealth.institution i JOIN nexhealth.location l ON l.institution_id = i.id ORDER BY l.id LIMIT 1`))[0];
	if (!where) throw new Error('The demo NexHealth database has no institution with a location.');
	if (where.emr !== options.emr) throw new DemoNexhealthEmrMismatch(where.emr, options.emr);
	const practice: NexPractice = { emr: options.emr, institutionId: where.institution_id, subdomain: where.subdomain, locationId: where.location_id, timeZone: where.tz };
	const now = clock.now();
	const state: NexState = { readStatus: 'green', readStatusAt: now, writeStatus: 'green', writeStatusAt: now, ledgerAccess: true, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, syncSeconds: options.syncSeconds ?? 5 };
	const log = options.log ?? ((message, error) => console.error(message, error));
	const queue = createWriteQueue({ sql, clock, emr: options.emr, syncSeconds: () => state.syncSeconds, writeGreen: () => state.writeStatus === 'green', log });
	const ctx: NexContext = { sql, clock, practice, state, queue };
	const apiKey = options.apiKey ?? DEMO_NEXHEALTH_API_KEY;
	const limiter = options.rateLimits === false ? null : createRateLimiter(options.rateLimits ?? NEXHEALTH_RATE_LIMITS, options.rateClock ?? (() => performance.now()));
	const api = createNexhealthApi({ ctx, apiKey, tokens: createTokenStore(clock.now), limiter, faults: createFaults<NexFault>(), log });
	await queue.resume();
	return { api, emr: options.emr, keys: { apiKey, subdomain: practice.subdomain, locationId: practice.locationId }, seeded, syncNow: () => queue.syncNow(), stop: () => queue.stop() };
}
