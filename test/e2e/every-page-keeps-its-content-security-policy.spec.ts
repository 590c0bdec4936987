import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { pairThroughUi, waitForServiceWorker } from './support/bridgeAdmin';
import { openPatient } from './support/frontDesk';

// Issue 13: every page carries a Content-Security-Policy and breaks none of it, online and when the
// service worker replays the precached shell offline. The violations themselves fail the test
// through ./support/fixtures (as they do in every spec); this spec makes sure each page, the service
// worker and the allocation worker are all exercised under the policy.

const PAGES = [
	{ path: '/', heading: 'Front desk' },
	{ path: '/queue', heading: 'Payments waiting on this device' },
	{ path: '/attention', heading: 'Needs attention' },
	{ path: '/manual', heading: 'Post manually' },
	{ path: '/settings', heading: 'Ledger write-back & PMS notes' },
	{ path: '/pair', heading: 'Pair this device with the bridge' },
	{ path: '/diagnostics', heading: 'Device check' }
] as const;

function expectPolicy(response: Response | null): void {
	const policy = response?.headers()['content-security-policy'] ?? '';
	// Kit's inline start-up script is allowed by its hash (never a nonce: the offline copy replays it).
	expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
	expect(policy).not.toContain('nonce-');
	expect(policy).toContain("worker-src 'self'");
	expect(policy).toContain("frame-ancestors 'none'");
}

/** Starts the Comlink allocation worker: its preview appears as an amount is typed. */
async function previewInWorker(page: Page, amount: string): Promise<void> {
	await openPatient(page, 'Bennett', 'James');
	await page.getByLabel('Amount').fill(amount);
	await expect(page.getByTestId('allocation-preview')).toBeVisible();
}

test('every page keeps to its Content-Security-Policy online and offline, service worker and allocation worker included', async ({ page, context, baseURL }) => {
	await pairThroughUi(page, baseURL!, 'CSP desk');
	await waitForServiceWorker(page);

	for (const { path, heading } of PAGES) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
		expectPolicy(response);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	}
	await page.goto('/');
	await previewInWorker(page, '120');

	// Offline, the service worker answers every page with the precached shell and its header.
	await context.setOffline(true);
	for (const { path, heading } of PAGES) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
		expectPolicy(response);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	}
	await page.goto('/');
	await previewInWorker(page, '45.67');
	await context.setOffline(false);
});
