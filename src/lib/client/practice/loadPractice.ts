import type { BridgeApi } from '../api/bridgeApi';
import type { PaysplitDb } from '../db/PaysplitDb';
import { withReopen } from '../db/withReopen';
import { feedStateRowSchema, type FeedStateRow } from '../db/rows';

export type LoadOutcome = { ok: true; patients: number; families: number; asOf: string } | { ok: false; message: string; unauthorized: boolean };

/**
 * Brings the device's copy of patients and family ledgers up to date: everything the first time, then
 * only what changed since the cursor the bridge last gave (DESIGN §6).
 */
export async function loadPractice(db: PaysplitDb, api: BridgeApi, now: () => Date): Promise<LoadOutcome> {
	const state = feedStateRowSchema.safeParse(await db.meta.get('feed'));
	const feed = await api.patients(state.success ? state.data.cursor : undefined);
	if (!feed.ok) {
		return { ok: false, message: feed.message, unauthorized: feed.kind === 'http' && feed.status === 401 };
	}
	const { patients, families, removed, next, asOf } = feed.value;
	// iOS may drop the IndexedDB connection while the app is in the background: reopen and retry once.
	await withReopen(db, () => db.transaction('rw', db.patients, db.families, db.meta, async () => {
		const balances = new Map(families.map((f) => [f.guarantorId, f.balance]));
		// Patients new or changed in this answer whose family did not change keep the balance stored.
		const unchangedFamilies = [...new Set(patients.map((p) => p.guarantorId).filter((g) => !balances.has(g)))];
		for (const family of await db.families.bulkGet(unchangedFamilies)) if (family) balances.set(family.guarantorId, family.balance);
		await db.patients.bulkPut(patients.map((p) => ({ ...p, searchName: `${p.lastName} ${p.firstName}`.toLowerCase(), familyBalance: balances.get(p.guarantorId) })));
		await db.families.bulkPut(families);
		// Members not in this answer whose family changed get the new balance.
		const sent = new Set(patients.map((p) => p.id));
		for (const family of families) {
			await db.patients.where('guarantorId').equals(family.guarantorId).filter((p) => !sent.has(p.id)).modify({ familyBalance: family.balance });
		}
		if (removed.length > 0) await db.patients.bulkDelete(removed);
		// A family whose members are all gone goes too.
		const orphaned = (await db.families.bulkGet([...new Set(removed)])).filter((f): f is NonNullable<typeof f> => Boolean(f));
		for (const family of orphaned) if ((await db.patients.where('guarantorId').equals(family.guarantorId).count()) === 0) await db.families.delete(family.guarantorId);
		const feedState: FeedStateRow = { key: 'feed', cursor: next, asOf, loadedAt: now().toISOString() };
		await db.meta.put(feedState);
	}));
	return { ok: true, patients: patients.length, families: families.length, asOf };
}
