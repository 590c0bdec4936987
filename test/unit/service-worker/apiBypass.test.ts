import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matchPrecache } from 'workbox-precaching';
import { isNetworkOnly } from '../../../service-worker/apiBypass';
import { installServiceWorker } from '../../../service-worker/index';
import { fakePrecache, fetchEvent, stubServiceWorkerScope, type FakeScope } from './fakeScope';

vi.mock('workbox-precaching', () => ({
	precache: vi.fn(),
	cleanupOutdatedCaches: vi.fn(),
	getCacheKeyForURL: vi.fn(),
	matchPrecache: vi.fn()
}));

describe('patient data never goes through the worker', () => {
	let scope: FakeScope;

	beforeEach(() => {
		scope = stubServiceWorkerScope();
		// The worst case: the very URLs are in the precache (a wrong `static/` file, a stale list).
		fakePrecache({
			'/': '<shell>',
			'/api/v1/patients': '{"patients":["stale"]}',
			'/admin/v1/pair-code': 'stale',
			'/demo-pms/api/v1/patients': 'stale'
		});
		installServiceWorker({ base: '', build: [], files: [], version: 'v1' });
	});

	afterEach(() => {
		vi.unstubAllGlobals();
		vi.clearAllMocks();
	});

	it.each([
		['GET /api/v1/patients', fetchEvent('/api/v1/patients')],
		['GET /api/v1/patients?since=c1', fetchEvent('/api/v1/patients?since=c1')],
		['POST /api/v1/payments', fetchEvent('/api/v1/payments', { method: 'POST' })],
		['a page load of /api/v1/health', fetchEvent('/api/v1/health', { mode: 'navigate' })],
		['GET /api', fetchEvent('/api')],
		['GET /admin/v1/pair-code', fetchEvent('/admin/v1/pair-code')],
		['a page load of /admin/v1/pair-code', fetchEvent('/admin/v1/pair-code', { mode: 'navigate' })],
		['GET /demo-pms/api/v1/patients', fetchEvent('/demo-pms/api/v1/patients')],
		['a page load of /demo-pms/', fetchEvent('/demo-pms/', { mode: 'navigate' })]
	])('%s is left to the browser: no respondWith, no precache lookup', (_, event) => {
		scope.dispatch('fetch', event);

		expect(event.respondWith).not.toHaveBeenCalled();
		expect(matchPrecache).not.toHaveBeenCalled();
		expect(scope.fetch).not.toHaveBeenCalled();
	});

	it('the bypass is a prefix of path segments: /apiary and /payments/api are app pages', () => {
		const apiary = fetchEvent('/apiary', { mode: 'navigate' });
		const nested = fetchEvent('/payments/api', { mode: 'navigate' });
		scope.fetch.mockResolvedValue(new Response('<page>'));

		scope.dispatch('fetch', apiary);
		scope.dispatch('fetch', nested);

		expect(apiary.respondWith).toHaveBeenCalledOnce();
		expect(nested.respondWith).toHaveBeenCalledOnce();
	});
});

describe('isNetworkOnly', () => {
	it.each([
		['/api', ''],
		['/api/', ''],
		['/api/v1/patients', ''],
		['/admin/v1/pair-code', ''],
		['/demo-pms', ''],
		['/demo-pms/api/v1/payments', ''],
		['/paysplit/api/v1/patients', '/paysplit']
	])('%s (base "%s") is network-only', (pathname, base) => {
		expect(isNetworkOnly(pathname, base)).toBe(true);
	});

	it.each([
		['/', ''],
		['/apiary', ''],
		['/payments/api', ''],
		['/administration', ''],
		['/demo-pmsx', ''],
		['/api/v1/patients', '/paysplit']
	])('%s (base "%s") is not network-only', (pathname, base) => {
		expect(isNetworkOnly(pathname, base)).toBe(false);
	});
});
