import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// workbox-window registers the worker (src/lib/client/pwa), so Kit's own registration is off.
		serviceWorker: { register: false }
	}
};

export default config;
