import { vi, type Mock } from 'vitest';
import { getCacheKeyForURL, matchPrecache } from 'workbox-precaching';

/**
 * Test doubles for the service worker's global scope. Stubs `globalThis` the way the worker reads it
 * (`service-worker/scope.ts`), records listeners, and lets tests dispatch events to them. Callers
 * must `vi.mock('workbox-precaching')` (see `fakePrecache`) and `vi.unstubAllGlobals()` after each test.
 */

export const ORIGIN = 'https://bridge.practice.lan';

type Listener = (event: unknown) => void;

export type FakeWindow = { id: string; postMessage: Mock };

export type FakeScope = {
	dispatch(type: string, event: unknown): void;
	listenerCount(type: string): number;
	skipWaiting: Mock;
	claim: Mock;
	matchAll: Mock;
	/** The worker's `fetch` (to the network). */
	fetch: Mock;
};

export function stubServiceWorkerScope(windows: FakeWindow[] = []): FakeScope {
	const listeners = new Map<string, Listener[]>();
	const scope: FakeScope = {
		dispatch(type, event) {
			for (const listener of listeners.get(type) ?? []) listener(event);
		},
		listenerCount: (type) => listeners.get(type)?.length ?? 0,
		skipWaiting: vi.fn(async () => undefined),
		claim: vi.fn(async () => undefined),
		matchAll: vi.fn(async () => windows),
		fetch: vi.fn(async () => {
			throw new TypeError('fetch is not stubbed in this test');
		})
	};
	vi.stubGlobal('addEventListener', (type: string, listener: Listener) => {
		listeners.set(type, [...(listeners.get(type) ?? []), listener]);
	});
	vi.stubGlobal('location', new URL('/service-worker.js', ORIGIN));
	vi.stubGlobal('skipWaiting', scope.skipWaiting);
	vi.stubGlobal('clients', { matchAll: scope.matchAll, claim: scope.claim });
	vi.stubGlobal('fetch', scope.fetch);
	return scope;
}

export function fakeWindow(id: string): FakeWindow {
	return { id, postMessage: vi.fn() };
}

/** An event with `waitUntil`; `settled()` waits for everything passed to it. */
export function extendableEvent<T extends object>(fields: T): T & { waitUntil: Mock; settled(): Promise<unknown[]> } {
	const promises: Promise<unknown>[] = [];
	return {
		...fields,
		waitUntil: vi.fn((promise: Promise<unknown>) => void promises.push(promise)),
		settled: () => Promise.all(promises)
	};
}

export type FakeFetchEvent = ReturnType<typeof fetchEvent>;

/**
 * A `fetch` event. The request is a plain object because Node's `Request` refuses mode 'navigate';
 * the worker reads only `url`, `method` and `mode`, and hands the request to `fetch` as is.
 */
export function fetchEvent(path: string, init: { mode?: RequestMode; method?: string; origin?: string } = {}) {
	const request = {
		url: new URL(path, init.origin ?? ORIGIN).href,
		method: init.method ?? 'GET',
		mode: init.mode ?? 'cors'
	} as Request;
	return extendableEvent({ request, respondWith: vi.fn<(response: Promise<Response>) => void>() });
}

/** The response promise the worker passed to `respondWith` (throws if it passed none). */
export function respondedWith(event: FakeFetchEvent): Promise<Response> {
	const call = event.respondWith.mock.calls[0];
	if (!call) throw new Error(`the worker did not answer ${event.request.url}`);
	return call[0];
}

/**
 * Backs the mocked workbox-precaching lookups with a map of absolute URL → body, as if `install`
 * had filled the precache with it.
 */
export function fakePrecache(entries: Record<string, string>): void {
	const bodies = new Map(Object.entries(entries).map(([path, body]) => [new URL(path, ORIGIN).href, body]));
	vi.mocked(getCacheKeyForURL).mockImplementation((url) => {
		const href = new URL(url, ORIGIN).href;
		return bodies.has(href) ? href : undefined;
	});
	vi.mocked(matchPrecache).mockImplementation(async (request) => {
		const url = typeof request === 'string' ? request : request.url;
		const body = bodies.get(new URL(url, ORIGIN).href);
		return body === undefined ? undefined : new Response(body, { headers: { 'x-from': 'precache' } });
	});
}
