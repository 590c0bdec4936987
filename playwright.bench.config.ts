import { defineConfig } from '@playwright/test';

/**
 * Browser benchmarks (`npm run bench`): real Chromium against bridges the specs start themselves.
 * They print figures; they assert only that the work completed.
 */
export default defineConfig({
	testDir: 'test/bench-browser',
	testMatch: '**/*.bench.spec.ts',
	timeout: 15 * 60_000,
	workers: 1,
	reporter: [['list']],
	outputDir: '.test-output/bench',
	use: {
		viewport: { width: 1180, height: 820 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	}
});
