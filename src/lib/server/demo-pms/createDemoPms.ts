import { migrate } from '../store/migrate';
import type { Sql } from '../store/Sql';
import { createDemoPmsApi, type DemoPmsApi } from './api/createDemoPmsApi';
import { createFaults } from './faults';
import type { DemoClock } from './api/postPayment';
import { demoPmsMigrations } from './schema';
import { seedDemoPractice } from './seedDemoPractice';

export const DEMO_KEYS = { developerKey: 'paysplit-demo-developer', customerKey: 'paysplit-demo-customer' } as const;

export type DemoPms = { api: DemoPmsApi; sql: Sql; seeded: boolean };

/**
 * The embedded demo practice: an Open Dental API-compatible PMS on its own PostgreSQL database.
 * Migrates, seeds the practice on first start (deterministically, relative to `clock.today()`),
 * and returns the API handler.
 */
export async function createDemoPms(sql: Sql, clock: DemoClock, options: { keys?: { developerKey: string; customerKey: string }; patients?: number } = {}): Promise<DemoPms> {
	const keys = options.keys ?? DEMO_KEYS;
	await migrate(sql, demoPmsMigrations, 'demo_pms_migration');
	const existing = await sql.query(`SELECT 1 FROM opendental.patient LIMIT 1`);
	let seeded = false;
	if (existing.length === 0) {
		await sql.transaction((tx) => seedDemoPractice(tx, clock.today(), options.patients));
		seeded = true;
	}
	// Fault injection is always available: this is the demo PMS, and tests drive it through its API.
	return { api: createDemoPmsApi({ sql, clock, keys, faults: createFaults() }), sql, seeded };
}
