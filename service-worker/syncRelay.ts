import { SYNC_TAG, syncHintMessage } from './protocol';
import { sw, type WorkerSyncEvent } from './scope';

/**
 * Turns a Background Sync `sync` event into a hint to every open Paysplit window. The pages own the
 * outbox (a worker-side replay would count any HTTP answer as success and cannot parse the bridge's
 * per-payment results), so the worker only wakes them; the sync engine's leader does the sending.
 * Windows not yet controlled by this worker are included: they run the same sync engine.
 */
export function relaySyncHint(event: WorkerSyncEvent): void {
	if (event.tag !== SYNC_TAG) return;
	event.waitUntil(postToWindows());
}

async function postToWindows(): Promise<void> {
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	for (const client of windows) client.postMessage(syncHintMessage);
}
