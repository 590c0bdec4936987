import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matchPrecache } from 'workbox-precaching';
import { installServiceWorker } from '../../../service-worker/index';
import { NAVIGATION_TIMEOUT_MS } from '../../../service-worker/navigation';
import { fakePrecache, fetchEvent, respondedWith, stubServiceWorkerScope, type FakeScope } from './fakeScope';

vi.mock('workbox-precaching', () => ({
	precache: vi.fn(),
	cleanupOutdatedCaches: vi.fn(),
	getCacheKeyForURL: vi.fn(),
	matchPrecache: vi.fn()
}));

const BUILD_FILE = '/_app/immutable/entry/start.abc123.js';

describe('page loads work offline from the precached app shell', () => {
	let scope: FakeScope;

	beforeEach(() => {
		scope = stubServiceWorkerScope();
		fakePrecache({ '/': '<shell>', [BUILD_FILE]: 'export {}' });
		installServiceWorker({ base: '', build: [BUILD_FILE], files: [], version: 'v1' });
	});

	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		vi.clearAllMocks();
	});

	it('a page load falls back to the precached shell at / when the network fails', async () => {
		scope.fetch.mockRejectedValue(new TypeError('Failed to fetch'));
		const event = fetchEvent('/payments/new', { mode: 'navigate' });

		scope.dispatch('fetch', event);

		const response = await respondedWith(event);
		expect(await response.text()).toBe('<shell>');
		expect(matchPrecache).toHaveBeenCalledWith('/');
	});

	it('a page load is answered by the network first when the bridge answers', async () => {
		scope.fetch.mockResolvedValue(new Response('<fresh page>'));
		const event = fetchEvent('/queue', { mode: 'navigate' });

		scope.dispatch('fetch', event);

		const response = await respondedWith(event);
		expect(await response.text()).toBe('<fresh page>');
		expect(scope.fetch).toHaveBeenCalledWith(event.request);
	});

	it(`a page load shows the precached shell once the bridge has not answered for ${NAVIGATION_TIMEOUT_MS} ms`, async () => {
		vi.useFakeTimers();
		scope.fetch.mockReturnValue(new Promise<Response>(() => undefined));
		const event = fetchEvent('/', { mode: 'navigate' });
		let answer: string | undefined;

		scope.dispatch('fetch', event);
		void respondedWith(event)
			.then((response) => response.text())
			.then((text) => (answer = text));

		await vi.advanceTimersByTimeAsync(NAVIGATION_TIMEOUT_MS - 1);
		expect(answer).toBeUndefined();
		await vi.advanceTimersByTimeAsync(1);
		expect(answer).toBe('<shell>');
	});

	it('the network timeout is about 3 seconds', () => {
		expect(NAVIGATION_TIMEOUT_MS).toBeGreaterThanOrEqual(2_000);
		expect(NAVIGATION_TIMEOUT_MS).toBeLessThanOrEqual(4_000);
	});

	it('a page load with no shell precached yet keeps waiting for the network after the timeout', async () => {
		vi.useFakeTimers();
		fakePrecache({});
		let answerFromNetwork: (response: Response) => void = () => undefined;
		scope.fetch.mockReturnValue(new Promise<Response>((resolve) => (answerFromNetwork = resolve)));
		const event = fetchEvent('/', { mode: 'navigate' });

		scope.dispatch('fetch', event);
		const response = respondedWith(event);
		await vi.advanceTimersByTimeAsync(NAVIGATION_TIMEOUT_MS * 2);
		answerFromNetwork(new Response('<slow page>'));

		expect(await (await response).text()).toBe('<slow page>');
	});

	it('precached build files are served from the precache without the network', async () => {
		const event = fetchEvent(BUILD_FILE);

		scope.dispatch('fetch', event);

		const response = await respondedWith(event);
		expect(await response.text()).toBe('export {}');
		expect(response.headers.get('x-from')).toBe('precache');
		expect(scope.fetch).not.toHaveBeenCalled();
	});

	it.each([
		['a same-origin file that is not precached (Kit version.json)', fetchEvent('/_app/version.json')],
		['another origin', fetchEvent('/', { origin: 'https://fonts.example.com', mode: 'navigate' })],
		['a form POST page load', fetchEvent('/queue', { mode: 'navigate', method: 'POST' })]
	])('%s is left to the browser', (_, event) => {
		scope.dispatch('fetch', event);

		expect(event.respondWith).not.toHaveBeenCalled();
	});
});
