import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installServiceWorker } from '../../../service-worker/index';
import { extendableEvent, fakeWindow, stubServiceWorkerScope, type FakeScope, type FakeWindow } from './fakeScope';

vi.mock('workbox-precaching', () => ({
	precache: vi.fn(),
	cleanupOutdatedCaches: vi.fn(),
	getCacheKeyForURL: vi.fn(),
	matchPrecache: vi.fn()
}));

describe('Background Sync is relayed to the pages as a hint', () => {
	let scope: FakeScope;
	let windows: FakeWindow[];

	beforeEach(() => {
		windows = [fakeWindow('front-desk'), fakeWindow('checkout'), fakeWindow('uncontrolled-tab')];
		scope = stubServiceWorkerScope(windows);
		installServiceWorker({ base: '', build: [], files: [], version: 'v1' });
	});

	afterEach(() => {
		vi.unstubAllGlobals();
		vi.clearAllMocks();
	});

	it('a paysplit-sync event posts {type: "paysplit:sync-hint"} to every open window', async () => {
		const event = extendableEvent({ tag: 'paysplit-sync', lastChance: false });

		scope.dispatch('sync', event);
		await event.settled();

		expect(event.waitUntil).toHaveBeenCalledOnce();
		for (const window of windows) {
			expect(window.postMessage).toHaveBeenCalledOnce();
			expect(window.postMessage).toHaveBeenCalledWith({ type: 'paysplit:sync-hint' });
		}
	});

	it('the hint reaches windows this worker does not control yet', async () => {
		scope.dispatch('sync', extendableEvent({ tag: 'paysplit-sync', lastChance: false }));

		expect(scope.matchAll).toHaveBeenCalledWith({ type: 'window', includeUncontrolled: true });
	});

	it('a sync event with another tag posts nothing', async () => {
		const event = extendableEvent({ tag: 'someone-else', lastChance: false });

		scope.dispatch('sync', event);
		await event.settled();

		expect(scope.matchAll).not.toHaveBeenCalled();
		for (const window of windows) expect(window.postMessage).not.toHaveBeenCalled();
	});

	it('with no window open the sync completes quietly', async () => {
		scope.matchAll.mockResolvedValue([]);
		const event = extendableEvent({ tag: 'paysplit-sync', lastChance: true });

		scope.dispatch('sync', event);

		await expect(event.settled()).resolves.toBeDefined();
	});
});
