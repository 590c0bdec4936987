import { isSkipWaitingMessage } from './protocol';
import { sw, type WorkerEvent, type WorkerMessageEvent } from './scope';

/**
 * A new worker waits (installing never calls `skipWaiting()`): activating it under an open page
 * could swap the app's files while staff are entering a payment. The page asks for it when staff
 * accept the update, and then reloads once the new worker controls it.
 */
export function skipWaitingOnRequest(event: WorkerMessageEvent): void {
	if (!isSkipWaitingMessage(event.data)) return;
	event.waitUntil(sw.skipWaiting());
}

/**
 * On activation, take control of open pages at once, so a first visit works offline without a
 * reload and an accepted update reaches the page that asked for it (workbox-window's `controlling`).
 */
export function claimClients(event: WorkerEvent): void {
	event.waitUntil(sw.clients.claim());
}
