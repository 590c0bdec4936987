import type { BridgeApi } from '../api/bridgeApi';
import type { PaysplitDb } from '../db/PaysplitDb';
import { withReopen } from '../db/withReopen';

/** Caches the practice's settings and the PMS's options, so previews work offline. */
export async function loadSettings(db: PaysplitDb, api: BridgeApi, now: () => Date): Promise<{ ok: true } | { ok: false; message: string; unauthorized: boolean }> {
	const answer = await api.settings();
	if (!answer.ok) return { ok: false, message: answer.message, unauthorized: answer.kind === 'http' && answer.status === 401 };
	await withReopen(db, () => db.settings.put({ key: 'practice', ...answer.value, loadedAt: now().toISOString() }));
	return { ok: true };
}
