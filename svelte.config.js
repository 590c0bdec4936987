import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// workbox-window registers the worker (src/lib/client/pwa), so Kit's own registration is off.
		serviceWorker: { register: false },
		// Content-Security-Policy on every page (issue 13; docs/decisions.md). Hashes, not nonces: the
		// service worker precaches `/` with its header and replays both offline for every route, so a
		// nonce would be one value reused for the life of a build; the hash of Kit's inline start-up
		// script is the same in every response and stays true in the replayed copy. Styles allow
		// 'unsafe-inline' (app.html and components use style=/style:, Svelte transitions insert
		// <style>); Kit then adds no style hashes, which would switch 'unsafe-inline' off.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
