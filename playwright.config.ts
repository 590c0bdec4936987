import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4319);

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser), against the built bridge
 * started with a fresh data folder and the demo practice.
 */
export default defineConfig({
	testDir: 'test/e2e',
	testMatch: '**/*.spec.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
	outputDir: '.test-output/playwright',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1180, height: 820 },
		screenshot: 'only-on-failure',
		trace: 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	// The Open Dental demo practice (the default), and Dentrix and Eaglesoft practices behind the
	// NexHealth-compatible fake (issue 14; their specs find them with support/nexhealthBridges.ts). Card and ACH
	// payments settle after 3 s, and NexHealth writes land 2 s after their 202, to keep the specs short.
	webServer: [
		{ command: `node test/e2e/support/startBridgeForE2e.js`, url: `http://127.0.0.1:${PORT}/api/v1/health`, reuseExistingServer: false, timeout: 120_000, stdout: 'pipe', env: { PORT: String(PORT) } },
		...(['dentrix', 'eaglesoft'] as const).map((emr, index) => ({
			command: `node test/e2e/support/startBridgeForE2e.js`,
			url: `http://127.0.0.1:${PORT + 1 + index}/api/v1/health`,
			reuseExistingServer: false,
			timeout: 120_000,
			stdout: 'ignore' as const,
			env: { PORT: String(PORT + 1 + index), DEMO_EMR: emr, DEMO_SETTLE_SECONDS: '3', DEMO_SYNC_SECONDS: '2' }
		}))
	]
});
