import type { BridgeApi } from '../api/bridgeApi';
import type { PaysplitDb } from '../db/PaysplitDb';
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
	await db.transaction('rw', db.patients, db.families, db.meta, async () => {
		await db.patients.bulkPut(patients.map((p) => ({ ...p, searchName: `${p.lastName} ${p.firstName}`.toLowerCase() })));
		await db.families.bulkPut(families);
		if (removed.length > 0) await db.patients.bulkDelete(removed);
		const feedState: FeedStateRow = { key: 'feed', cursor: next, asOf, loadedAt: now().toISOString() };
		await db.meta.put(feedState);
	});
	return { ok: true, patients: patients.length, families: families.length, asOf };
}
