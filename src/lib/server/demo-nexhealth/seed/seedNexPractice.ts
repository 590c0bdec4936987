import { addDays } from '$lib/domain/dates/addDays';
import { createPrng } from '$lib/domain/random/createPrng';
import type { SqlTx } from '../../store/Sql';
import { familyPlans } from '../../demo-pms/seed/familyPlans';
import type { NexEmr } from '../nexEmr';
import { createNexRowBuffer, seedNexReference } from './nexReferenceData';
import { seedNexFamily } from './seedNexFamily';

export const DEMO_NEXHEALTH_PATIENTS = 42;

/**
 * Seeds the practice NexHealth has synced from the PMS: one institution with one location, four
 * providers, the PMS's payment and adjustment types, and families with a year of charges, claims,
 * adjustments and payments. Deterministic: the same PMS, `today` and size give the same rows (the
 * timestamps of today's rows are capped at `now`, so that none is in the future).
 */
export async function seedNexPractice(tx: SqlTx, options: { emr: NexEmr; today: string; now: Date; timeZone: string; patients?: number }): Promise<{ patients: number; locationId: number; subdomain: string }> {
	const { emr, today, now } = options;
	const rng = createPrng(emr === 'dentrix' ? 20_240_412 : 20_240_413);
	const buf = createNexRowBuffer();
	const stamp = (date: string) => {
		const at = new Date(`${date}T17:30:00.000Z`);
		return (at.getTime() > now.getTime() ? now : at).toISOString();
	};
	const ref = seedNexReference(buf, emr, { timeZone: options.timeZone, stamp: stamp(addDays(today, -1100)) });
	let claim = 8000;
	const ctx = { buf, rng, ref, emr, today, stamp, nextClaim: () => ++claim };
	let patients = 0;
	for (const plan of familyPlans(rng, options.patients ?? DEMO_NEXHEALTH_PATIENTS)) patients += seedNexFamily(ctx, plan).patients;
	await buf.flush(tx);
	return { patients, locationId: ref.locationId, subdomain: ref.institution.subdomain };
}
