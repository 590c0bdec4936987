import { createLocalLocks } from './createLocalLocks';
import type { Channel, Clock, Locks, SyncPlatform, Wakeups } from './platform';
import { SYNC_CHANNEL } from './SyncMessage';
import type { SyncTrigger } from './SyncTrigger';

/** The real platform for `createSyncEngine`, in a browser tab. Call it in the browser only. */
export function createBrowserPlatform(): SyncPlatform {
	return { clock: browserClock, locks: browserLocks(), channel: browserChannel(), wakeups: browserWakeups, random: () => Math.random() };
}

const browserClock: Clock = {
	now: () => Date.now(),
	setTimer(ms, callback) {
		const handle = setTimeout(callback, ms);
		return () => clearTimeout(handle);
	}
};

function browserLocks(): Locks {
	// navigator.locks is missing outside a secure context and before Safari 15.4.
	const manager = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
	if (!manager) return createLocalLocks();
	return { request: (name, options, callback) => manager.request(name, options, callback) };
}

function browserChannel(): Channel {
	if (typeof BroadcastChannel === 'undefined') {
		// Alone: without BroadcastChannel there are no Web Locks either, so every tab leads itself.
		return { postMessage() {}, onmessage: null, close() {} };
	}
	const channel = new BroadcastChannel(SYNC_CHANNEL);
	const adapter: Channel = {
		postMessage: (message) => channel.postMessage(message),
		onmessage: null,
		close: () => channel.close()
	};
	channel.onmessage = (event: MessageEvent) => adapter.onmessage?.({ data: event.data });
	return adapter;
}

/** `online` and the page becoming visible: hints only ("online" is decided by the health check). */
const browserWakeups: Wakeups = {
	subscribe(listener: (trigger: SyncTrigger) => void) {
		const onOnline = () => listener('online');
		const onVisibility = () => {
			if (document.visibilityState === 'visible') listener('visible');
		};
		window.addEventListener('online', onOnline);
		document.addEventListener('visibilitychange', onVisibility);
		return () => {
			window.removeEventListener('online', onOnline);
			document.removeEventListener('visibilitychange', onVisibility);
		};
	}
};
