import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';

// Issue 13: every page carries a Content-Security-Policy (kit.csp in svelte.config.js); the API does not.

/** The header as directive → sources. */
function directives(header: string | null): Map<string, string[]> {
	return new Map(
		(header ?? '')
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name!, sources])
	);
}

/** The sha256 sources of the page's inline scripts, as the browser computes them. */
function inlineScriptHashes(html: string): string[] {
	return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
}

describe('the Content-Security-Policy', () => {
	let bridge: RunningBridge;
	beforeAll(async () => {
		bridge = await startRunningBridge();
	});
	afterAll(async () => {
		await bridge?.stop();
	});

	it('every page carries the strict policy, its inline start-up script allowed by hash', async () => {
		for (const path of ['/', '/queue', '/attention', '/manual', '/settings', '/pair', '/diagnostics']) {
			const response = await fetch(`${bridge.baseUrl}${path}`);
			expect(response.status, path).toBe(200);
			const html = await response.text();
			const policy = directives(response.headers.get('content-security-policy'));
			const hashes = inlineScriptHashes(html);
			expect(hashes.length, path).toBeGreaterThan(0);
			expect(Object.fromEntries(policy), path).toEqual({
				'default-src': ["'self'"],
				'script-src': ["'self'", ...hashes],
				'style-src': ["'self'", "'unsafe-inline'"],
				'img-src': ["'self'", 'data:', 'blob:'],
				'font-src': ["'self'"],
				'connect-src': ["'self'"],
				'worker-src': ["'self'"],
				'manifest-src': ["'self'"],
				'object-src': ["'none'"],
				'base-uri': ["'self'"],
				'form-action': ["'self'"],
				'frame-ancestors': ["'none'"]
			});
			expect(html, path).not.toContain('nonce=');
		}
	});

	it('is the same in every response, so the copy of `/` the service worker precaches stays true when replayed offline', async () => {
		// Workbox fetches the shell as `/?__WB_REVISION__=<version>` and serves that response, header and all.
		const [first, second, precached] = await Promise.all(['/', '/', '/?__WB_REVISION__=test'].map((path) => fetch(`${bridge.baseUrl}${path}`)));
		const header = first!.headers.get('content-security-policy');
		expect(header).toBeTruthy();
		expect(second!.headers.get('content-security-policy')).toBe(header);
		expect(precached!.headers.get('content-security-policy')).toBe(header);
	});

	it('API responses carry no policy and keep their own headers', async () => {
		const health = await fetch(`${bridge.baseUrl}/api/v1/health`);
		expect(health.status).toBe(200);
		expect(health.headers.get('content-type')).toContain('application/json');
		expect(health.headers.get('content-security-policy')).toBeNull();
		expect(health.headers.get('cache-control')).toBe('no-store');
		expect(health.headers.get('x-content-type-options')).toBe('nosniff');

		const token = await bridge.pairDevice('CSP probe');
		const patients = await fetch(`${bridge.baseUrl}/api/v1/patients`, { headers: { authorization: `Bearer ${token}` } });
		expect(patients.status).toBe(200);
		expect(patients.headers.get('content-security-policy')).toBeNull();
	});
});
