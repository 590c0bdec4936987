import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installServiceWorker } from '../../../service-worker/index';
import { extendableEvent, stubServiceWorkerScope, type FakeScope } from './fakeScope';

vi.mock('workbox-precaching', () => ({
	precache: vi.fn(),
	cleanupOutdatedCaches: vi.fn(),
	getCacheKeyForURL: vi.fn(),
	matchPrecache: vi.fn()
}));

describe('a new version waits until a page asks for it', () => {
	let scope: FakeScope;

	beforeEach(() => {
		scope = stubServiceWorkerScope();
		installServiceWorker({ base: '', build: [], files: [], version: 'v2' });
	});

	afterEach(() => {
		vi.unstubAllGlobals();
		vi.clearAllMocks();
	});

	it('install does not call skipWaiting by itself', async () => {
		const install = extendableEvent({ type: 'install' });

		scope.dispatch('install', install);
		await install.settled();

		expect(scope.skipWaiting).not.toHaveBeenCalled();
	});

	it('the {type: "paysplit:skip-waiting"} message from a page calls skipWaiting', async () => {
		const message = extendableEvent({ data: { type: 'paysplit:skip-waiting' } });

		scope.dispatch('message', message);
		await message.settled();

		expect(scope.skipWaiting).toHaveBeenCalledOnce();
		expect(message.waitUntil).toHaveBeenCalledOnce();
	});

	it.each([
		['Workbox’s own SKIP_WAITING', { type: 'SKIP_WAITING' }],
		['another Paysplit message', { type: 'paysplit:sync-hint' }],
		['a string', 'paysplit:skip-waiting'],
		['null', null]
	])('%s does not activate the new version', async (_, data) => {
		const message = extendableEvent({ data });

		scope.dispatch('message', message);
		await message.settled();

		expect(scope.skipWaiting).not.toHaveBeenCalled();
	});

	it('activation takes control of the open pages (clients.claim)', async () => {
		const activate = extendableEvent({ type: 'activate' });

		scope.dispatch('activate', activate);
		await activate.settled();

		expect(scope.claim).toHaveBeenCalledOnce();
		expect(scope.skipWaiting).not.toHaveBeenCalled();
	});
});
