import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanupOutdatedCaches, precache } from 'workbox-precaching';
import { installServiceWorker } from '../../../service-worker/index';
import { precacheEntries } from '../../../service-worker/precache';
import { stubServiceWorkerScope } from './fakeScope';

vi.mock('workbox-precaching', () => ({
	precache: vi.fn(),
	cleanupOutdatedCaches: vi.fn(),
	getCacheKeyForURL: vi.fn(),
	matchPrecache: vi.fn()
}));

const assets = {
	base: '',
	build: ['/_app/immutable/entry/start.abc.js', '/_app/immutable/assets/0.def.css'],
	files: ['/manifest.webmanifest', '/icons/icon-192.png'],
	version: '1795430666059'
};

describe('the build and the app shell are precached', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.clearAllMocks();
	});

	it('hashed build files without a revision; static files and the shell at / under the build version', () => {
		expect(precacheEntries(assets)).toEqual([
			{ url: '/_app/immutable/entry/start.abc.js', revision: null },
			{ url: '/_app/immutable/assets/0.def.css', revision: null },
			{ url: '/manifest.webmanifest', revision: '1795430666059' },
			{ url: '/icons/icon-192.png', revision: '1795430666059' },
			{ url: '/', revision: '1795430666059' }
		]);
	});

	it('under a base path the shell is the base with a trailing slash', () => {
		const entries = precacheEntries({ ...assets, base: '/paysplit', build: [], files: [] });

		expect(entries).toEqual([{ url: '/paysplit/', revision: '1795430666059' }]);
	});

	it('installing the worker hands that list to workbox-precaching and cleans up outdated caches', () => {
		stubServiceWorkerScope();

		installServiceWorker(assets);

		expect(precache).toHaveBeenCalledExactlyOnceWith(precacheEntries(assets));
		expect(cleanupOutdatedCaches).toHaveBeenCalledOnce();
	});
});
