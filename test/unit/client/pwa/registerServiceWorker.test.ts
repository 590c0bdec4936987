import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';


// $app/environment is Kit's; in Node tests the page is a browser in production mode.
vi.mock('$app/environment', () => ({ browser: true, dev: false, building: false, version: 'test' }));

class FakeWorkbox extends EventTarget {
	static instances: FakeWorkbox[] = [];
	static nextRegister: () => Promise<unknown> = async () => undefined;
	constructor(public url: string, public options: object) { super(); FakeWorkbox.instances.push(this); }
	register = vi.fn(() => FakeWorkbox.nextRegister());
	messageSkipWaiting = vi.fn();
	emit(type: string) { this.dispatchEvent(new Event(type)); }
}
vi.mock('workbox-window', () => ({ Workbox: FakeWorkbox }));

let swListeners: Record<string, (e: { data: unknown }) => void>;
let registration: { waiting: { postMessage: ReturnType<typeof vi.fn> } | null; active: object | null; update: ReturnType<typeof vi.fn>; sync?: { register: ReturnType<typeof vi.fn> } };
let reload: ReturnType<typeof vi.fn>;

beforeEach(() => {
	vi.resetModules();
	FakeWorkbox.instances = [];
	swListeners = {};
	registration = { waiting: { postMessage: vi.fn() }, active: {}, update: vi.fn(async () => undefined), sync: { register: vi.fn(async () => undefined) } };
	FakeWorkbox.nextRegister = async () => registration;
	reload = vi.fn();
	vi.stubGlobal('navigator', { serviceWorker: { addEventListener: (t: string, l: (e: { data: unknown }) => void) => (swListeners[t] = l), ready: Promise.resolve(registration) } });
	vi.stubGlobal('location', { reload });
});
afterEach(() => vi.unstubAllGlobals());

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('registerServiceWorker', () => {
	it('registers /service-worker.js as a classic worker at scope /', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		await registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() });
		expect(FakeWorkbox.instances).toHaveLength(1);
		expect(FakeWorkbox.instances[0]!.url).toBe('/service-worker.js');
		expect(FakeWorkbox.instances[0]!.options).toEqual({ type: 'classic', scope: '/' });
	});

	it('apply() posts paysplit:skip-waiting to the waiting worker and reloads once it controls', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		let apply: () => void = () => undefined;
		await registerServiceWorker({ onUpdateWaiting: (a) => (apply = a), onSyncHint: vi.fn() });
		const wb = FakeWorkbox.instances[0]!;
		wb.emit('waiting');
		apply();
		await flush();
		expect(registration.waiting!.postMessage).toHaveBeenCalledWith({ type: 'paysplit:skip-waiting' });
		expect(reload).not.toHaveBeenCalled();
		wb.emit('controlling');
		wb.emit('controlling');
		expect(reload).toHaveBeenCalledOnce();
	});

	it('without apply(), a new worker taking control does not reload (staff may be mid-payment)', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		await registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() });
		const wb = FakeWorkbox.instances[0]!;
		wb.emit('waiting');
		wb.emit('controlling');
		expect(reload).not.toHaveBeenCalled();
	});

	it('apply() after another tab already activated the update reloads at once', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		let apply: () => void = () => undefined;
		await registerServiceWorker({ onUpdateWaiting: (a) => (apply = a), onSyncHint: vi.fn() });
		const wb = FakeWorkbox.instances[0]!;
		wb.emit('waiting');
		wb.emit('controlling');
		apply();
		expect(reload).toHaveBeenCalledOnce();
	});

	it('the first install taking control does not make a later apply() reload without activating', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		let apply: () => void = () => undefined;
		await registerServiceWorker({ onUpdateWaiting: (a) => (apply = a), onSyncHint: vi.fn() });
		const wb = FakeWorkbox.instances[0]!;
		wb.emit('controlling'); // clients.claim() on first install
		wb.emit('waiting'); // later: an update
		apply();
		await flush();
		expect(reload).not.toHaveBeenCalled();
		expect(registration.waiting!.postMessage).toHaveBeenCalledOnce();
	});

	it('apply() called straight from a waiting announced during register() still reaches the worker', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		FakeWorkbox.nextRegister = async () => {
			queueMicrotask(() => FakeWorkbox.instances[0]!.emit('waiting'));
			return registration;
		};
		await registerServiceWorker({ onUpdateWaiting: (apply) => apply(), onSyncHint: vi.fn() });
		await flush();
		expect(registration.waiting!.postMessage).toHaveBeenCalledWith({ type: 'paysplit:skip-waiting' });
	});

	it('a sync-hint message calls onSyncHint; other messages do not', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		const onSyncHint = vi.fn();
		await registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint });
		swListeners.message!({ data: { type: 'paysplit:sync-hint' } });
		swListeners.message!({ data: { type: 'other' } });
		expect(onSyncHint).toHaveBeenCalledOnce();
	});

	it('registers Background Sync paysplit-sync once the worker is ready, ignoring failures', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		registration.sync!.register.mockRejectedValue(new Error('NotAllowedError'));
		await registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() });
		await flush();
		expect(registration.sync!.register).toHaveBeenCalledWith('paysplit-sync');
	});

	it('no Background Sync (Safari/Firefox): nothing breaks', async () => {
		delete registration.sync;
		const { registerServiceWorker, requestBackgroundSync } = await import('$lib/client/pwa/registerServiceWorker');
		await registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() });
		await expect(requestBackgroundSync()).resolves.toBeUndefined();
	});

	it('a failed registration (offline start) resolves, and the next update check registers again', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		FakeWorkbox.nextRegister = async () => { throw new TypeError('Failed to fetch'); };
		const { registerServiceWorker, checkForServiceWorkerUpdate } = await import('$lib/client/pwa/registerServiceWorker');
		await expect(registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() })).resolves.toBeUndefined();
		expect(warn).toHaveBeenCalledOnce();
		FakeWorkbox.nextRegister = async () => registration;
		await checkForServiceWorkerUpdate();
		expect(FakeWorkbox.instances).toHaveLength(2);
		await checkForServiceWorkerUpdate();
		expect(registration.update).toHaveBeenCalledOnce();
		warn.mockRestore();
	});

	it('checkForServiceWorkerUpdate never rejects when offline', async () => {
		const { registerServiceWorker, checkForServiceWorkerUpdate } = await import('$lib/client/pwa/registerServiceWorker');
		await registerServiceWorker({ onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() });
		registration.update.mockRejectedValue(new TypeError('Failed to fetch'));
		await expect(checkForServiceWorkerUpdate()).resolves.toBeUndefined();
	});

	it('calling registerServiceWorker twice registers once', async () => {
		const { registerServiceWorker } = await import('$lib/client/pwa/registerServiceWorker');
		const opts = { onUpdateWaiting: vi.fn(), onSyncHint: vi.fn() };
		await Promise.all([registerServiceWorker(opts), registerServiceWorker(opts)]);
		await registerServiceWorker(opts);
		expect(FakeWorkbox.instances).toHaveLength(1);
	});

	it('importing the module touches no browser global', async () => {
		vi.stubGlobal('navigator', undefined);
		await expect(import('$lib/client/pwa/registerServiceWorker')).resolves.toBeDefined();
	});
});
