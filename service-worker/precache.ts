import { cleanupOutdatedCaches, precache, type PrecacheEntry } from 'workbox-precaching';

/** What Kit's `$service-worker` module tells the worker about this build. */
export type BuildAssets = {
	/** The deployment's base path ('' at the root). */
	base: string;
	/** Vite's output: file names carry a content hash. */
	build: readonly string[];
	/** The files of `static/`: stable names, so they change only with the version. */
	files: readonly string[];
	/** Kit's version of this build. */
	version: string;
};

/**
 * The precache list: hashed build files need no revision; static files and the app shell at `/`
 * are revisioned by the build version. The shell is the server's page for `/` — with `ssr = false`
 * every route renders the same page, so it stands in for all of them offline.
 */
export function precacheEntries(assets: BuildAssets): PrecacheEntry[] {
	return [
		...assets.build.map((url) => ({ url, revision: null })),
		...assets.files.map((url) => ({ url, revision: assets.version })),
		{ url: shellUrl(assets.base), revision: assets.version }
	];
}

/** The URL under which the app shell is precached. */
export function shellUrl(base: string): string {
	return `${base}/`;
}

/**
 * Fills the precache during `install` and drops what a new build no longer lists during
 * `activate` (both are workbox-precaching's own listeners). Serving from it is `routeFetch`'s job.
 */
export function precacheAppShell(assets: BuildAssets): void {
	precache(precacheEntries(assets));
	// Caches left by older Workbox versions' precache formats.
	cleanupOutdatedCaches();
}
