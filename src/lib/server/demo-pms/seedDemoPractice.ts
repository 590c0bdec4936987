import type { SqlTx } from '../store/Sql';
import { createPrng } from '$lib/domain/random/createPrng';
import { familyPlans } from './seed/familyPlans';
import { createRowBuffer } from './seed/rowBuffer';
import { seedFamily } from './seed/seedFamily';
import { seedReferenceData } from './seed/seedReferenceData';

export const DEMO_PATIENTS = 42;

/**
 * Seeds a believable practice: 4 providers, 2 clinics, 16 families with 42 patients (or as many
 * generated families as `patients` asks, for load measurements), each with two years of history.
 * Deterministic: the same `today` and size give the same practice, row for row.
 */
export async function seedDemoPractice(tx: SqlTx, today: string, patients = DEMO_PATIENTS): Promise<{ patients: number; ledgerRows: number }> {
	const rng = createPrng(20261123);
	const buf = createRowBuffer();
	const plans = familyPlans(rng, patients);
	const ref = seedReferenceData(buf);
	for (const plan of plans) seedFamily({ buf, rng, ref, today }, plan);
	const counts = { patients: buf.count('patient'), ledgerRows: buf.count('procedurelog') + buf.count('adjustment') + buf.count('paysplit') };
	await buf.flush(tx);
	return counts;
}
