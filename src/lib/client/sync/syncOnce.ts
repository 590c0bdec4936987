import type { Health } from '$lib/domain/api/health';
import type { PaysplitDb } from '../db/PaysplitDb';
import { checkOnline, HEALTH_TIMEOUT_MS } from './checkOnline';
import type { Clock, SyncApi } from './platform';
import { pullChanges } from './pullChanges';
import { pushOutbox } from './pushOutbox';

/**
 * How one sync ended. `offline` and `retry` carry the ids of the failed request (if any) for the
 * Queue page; `unpaired` stops the sync until the device is paired again.
 */
export type SyncOutcome =
	| { kind: 'done' }
	| { kind: 'offline'; message: string; ids: string[] }
	| { kind: 'retry'; message: string; ids: string[] }
	| { kind: 'unpaired'; message: string };

export type SyncOnceContext = {
	db: PaysplitDb;
	api: SyncApi;
	clock: Clock;
	batchSize?: number;
	healthTimeoutMs?: number;
	onHealth?: (health: Health) => void;
	afterPush?: () => Promise<{ unauthorized?: boolean } | void>;
};

/**
 * One sync, as the leader runs it: is the bridge there (health within 2 s)? then push the outbox,
 * then pull the status changes (`GET /changes`), then the caller's extra work. Stops at the first
 * step that cannot go on (offline, 401). A change feed the bridge cannot serve, or payments it
 * failed on alone (the others sent), do not hold up the rest, but the sync then ends as `retry`
 * with the message (the push's, if both). Throws only if the database fails even after reopening
 * (the engine treats that as `retry`).
 */
export async function syncOnce(context: SyncOnceContext): Promise<SyncOutcome> {
	const { db, api, clock } = context;
	const now = () => clock.now();
	const health = await checkOnline(api, clock, context.healthTimeoutMs ?? HEALTH_TIMEOUT_MS);
	if (!health.ok) return { kind: 'offline', message: health.message, ids: [] };
	context.onHealth?.(health.value);
	const pushed = await pushOutbox({ db, api, now, ...(context.batchSize ? { batchSize: context.batchSize } : {}) });
	// Payments the bridge failed on alone (`partial`) do not stop the sync: it works, and the others
	// went through, so their status changes are pulled as usual; the sync then ends as `retry`.
	if (pushed.kind !== 'done' && pushed.kind !== 'partial') return pushed;
	const pulled = await pullChanges(db, api, now);
	if (pulled.kind === 'offline') return { ...pulled, ids: [] };
	if (pulled.kind === 'unpaired') return pulled;
	const more = await context.afterPush?.();
	if (more?.unauthorized) return { kind: 'unpaired', message: 'the bridge no longer knows this device' };
	if (pushed.kind === 'partial') return { kind: 'retry', message: pushed.message, ids: pushed.ids };
	if (pulled.kind === 'error') return { kind: 'retry', message: pulled.message, ids: [] };
	return { kind: 'done' };
}
