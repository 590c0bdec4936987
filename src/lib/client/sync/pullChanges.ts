import type { ApiResult } from '../api/bridgeApi';
import type { PaysplitDb } from '../db/PaysplitDb';
import { withReopen } from '../db/withReopen';
import type { SyncApi } from './platform';
import { readChangesCursor, type ChangesPosition } from './readChangesCursor';
import { recordChanges } from './recordChanges';

/** Changes asked for per request: the most `GET /changes` gives (DESIGN §6). */
export const CHANGES_PAGE_SIZE = 500;
/** Pages read per sync at most, so one sync never runs for ever; the next sync goes on from the cursor. */
export const CHANGES_MAX_PAGES = 20;

/**
 * How the pull ended. `error`: the bridge answered something other than a page (a 5xx, an answer
 * this app cannot read); what was recorded before stays, and the next sync asks again.
 */
export type PullOutcome =
	| { kind: 'done'; changed: number }
	| { kind: 'offline'; message: string }
	| { kind: 'unpaired'; message: string }
	| { kind: 'error'; message: string };

export type PullOptions = { pageSize?: number; maxPages?: number };

/**
 * Brings the statuses of this device's payments up to date from the bridge's change feed
 * (`GET /changes?since=`, DESIGN §2 step 7): page after page from the stored cursor, until a page is
 * empty or ends where it began, each page recorded with its cursor in one transaction
 * (`recordChanges`). No transaction is open during a request.
 *
 * A 400 about the cursor (the bridge does not know it: its database was replaced) starts again
 * from the beginning, once per pull. 401 → `unpaired`, network failure → `offline`; the cursor then
 * stays where the last recorded page left it.
 */
export async function pullChanges(db: PaysplitDb, api: SyncApi, now: () => number, options: PullOptions = {}): Promise<PullOutcome> {
	const pageSize = options.pageSize ?? CHANGES_PAGE_SIZE;
	let position: ChangesPosition = await readChangesCursor(db, now);
	let restarted = false;
	let changed = 0;
	for (let page = 0; page < (options.maxPages ?? CHANGES_MAX_PAGES); page++) {
		const answer = await api.changes(position.cursor, pageSize);
		if (!answer.ok) {
			if (answer.kind === 'offline') return { kind: 'offline', message: answer.message };
			if (answer.status === 401) return { kind: 'unpaired', message: answer.message };
			if (!restarted && position.cursor !== null && isUnknownCursor(answer)) {
				restarted = true;
				await withReopen(db, () => db.meta.delete('changes'));
				position = { ...position, cursor: null };
				continue;
			}
			return { kind: 'error', message: `Status changes could not be read: ${answer.message}` };
		}
		const { changes, next } = answer.value;
		if (changes.length === 0) break;
		const recorded = await recordChanges(db, answer.value, position, now);
		// Another run is further along the feed: it records the rest.
		if (!recorded.recorded) break;
		changed += recorded.changed;
		if (next === position.cursor) break;
		position = { ...position, cursor: next };
	}
	return { kind: 'done', changed };
}

/** A 400 that blames `since`, or blames nothing in particular (not, say, `limit`). */
function isUnknownCursor(answer: Extract<ApiResult<unknown>, { kind: 'http' }>): boolean {
	if (answer.status !== 400) return false;
	return !answer.issues || answer.issues.length === 0 || answer.issues.some((issue) => issue.path === 'since');
}
