import { browser, dev } from '$app/environment';
import { Workbox } from 'workbox-window';
import { SYNC_TAG, isSyncHintMessage, skipWaitingMessage } from '../../../../service-worker/protocol';

export type RegisterServiceWorkerOptions = {
	/**
	 * Fires when a new version of Paysplit has installed and is waiting (also at start-up, when one
	 * was already waiting). `apply()` activates it and reloads this page once the new worker controls
	 * it, so call it only when no payment is being entered. Calling it again is harmless.
	 */
	onUpdateWaiting: (apply: () => void) => void;
	/** Fires when the worker relays a Background Sync event: a hint to run the sync now. */
	onSyncHint: () => void;
};

type Registered = { registration: ServiceWorkerRegistration };

/** `registration.sync` (Background Sync) is Chromium-only and not in TypeScript's DOM lib. */
type SyncCapableRegistration = ServiceWorkerRegistration & {
	sync: { register(tag: string): Promise<void> };
};

let callbacks: RegisterServiceWorkerOptions | undefined;
let current: Registered | undefined;
let pending: Promise<void> | undefined;

/**
 * Registers `/service-worker.js` (Kit's own registration is off) and wires the update flow and the
 * sync hint. Resolves once registered, or once registering has failed: failure is not fatal — a
 * page already controlled keeps working offline — and `checkForServiceWorkerUpdate` tries again.
 * Does nothing during SSR, in `vite dev` (there is no build to precache, and a registered worker
 * outlives the dev server on that origin), and where service workers are unavailable (plain HTTP
 * on the LAN: see DESIGN §8 on TLS).
 */
export function registerServiceWorker(options: RegisterServiceWorkerOptions): Promise<void> {
	if (!isSupported()) return Promise.resolve();
	if (!callbacks) navigator.serviceWorker.addEventListener('message', relaySyncHint);
	callbacks = options;
	if (current) return Promise.resolve();
	pending ??= register().finally(() => {
		pending = undefined;
	});
	return pending;
}

/**
 * Asks the browser to look for a new `/service-worker.js` now. Browsers check on navigations, but
 * the front desk keeps one page open all day, so the layout calls this periodically. If the first
 * registration failed (the tablet started offline), this registers instead. Never rejects: when the
 * bridge cannot be reached, the next check will do.
 */
export async function checkForServiceWorkerUpdate(): Promise<void> {
	if (!isSupported()) return;
	if (!current) {
		if (callbacks) await registerServiceWorker(callbacks);
		return;
	}
	try {
		await current.registration.update();
	} catch {
		// Offline or bridge unreachable: nothing to update from.
	}
}

/**
 * Registers the one-off Background Sync `paysplit-sync`, so the browser wakes the worker when the
 * network comes back and the worker hints the open pages to sync. Chromium only; elsewhere, and on
 * any failure, the sync engine's own timers and `online` handling are enough, so this never rejects.
 */
export async function requestBackgroundSync(): Promise<void> {
	const registration = current?.registration;
	// `sync.register` needs an active worker (InvalidStateError otherwise).
	if (!registration?.active || !hasBackgroundSync(registration)) return;
	try {
		await registration.sync.register(SYNC_TAG);
	} catch {
		// Permission denied or not allowed in this context.
	}
}

async function register(): Promise<void> {
	// Classic: Kit serves the worker as an ES module only in `vite dev`, where it is not registered.
	const workbox = new Workbox('/service-worker.js', { type: 'classic', scope: '/' });

	// "Controlled by a newer worker since one last waited": another tab may have applied the update.
	let newWorkerControls = false;
	let reloadWhenControlled = false;
	let reloading = false;
	const reload = () => {
		if (reloading) return;
		reloading = true;
		location.reload();
	};

	// Update events count whoever triggered the update: after its first minute workbox-window calls
	// every update "external" (our own `registration.update()` included), so `isExternal` is ignored.
	workbox.addEventListener('waiting', () => {
		newWorkerControls = false;
		callbacks?.onUpdateWaiting(apply);
	});
	workbox.addEventListener('controlling', () => {
		newWorkerControls = true;
		if (reloadWhenControlled) reload();
	});

	// Assigned before any event can fire: a worker already waiting is announced in a microtask
	// queued inside `register()`, and `apply` may be called straight from that announcement.
	const registered = workbox.register();

	function apply(): void {
		// Another tab applied it already: this page runs the old files under the new worker.
		if (newWorkerControls) return reload();
		reloadWhenControlled = true;
		// Not workbox-window's messageSkipWaiting(): that sends Workbox's own {type:'SKIP_WAITING'},
		// and our worker answers only Paysplit's protocol.
		void registered.then(
			(registration) => registration?.waiting?.postMessage(skipWaitingMessage),
			() => undefined
		);
	}

	try {
		const registration = await registered;
		if (!registration) return;
		current = { registration };
		void navigator.serviceWorker.ready.then(requestBackgroundSync);
	} catch (error) {
		console.warn(
			'Paysplit could not register its service worker (offline, or the bridge certificate is not trusted); it will try again at the next update check.',
			error
		);
	}
}

function relaySyncHint(event: MessageEvent): void {
	if (isSyncHintMessage(event.data)) callbacks?.onSyncHint();
}

function isSupported(): boolean {
	return browser && !dev && 'serviceWorker' in navigator;
}

function hasBackgroundSync(registration: ServiceWorkerRegistration): registration is SyncCapableRegistration {
	return 'sync' in registration;
}
