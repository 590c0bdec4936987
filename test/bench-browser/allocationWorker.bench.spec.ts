import { expect, test } from '@playwright/test';
import { startRunningBridge } from '../integration/support/runningBridge';
import { ms, pair, report } from './support';

test('allocation preview round trip through the Comlink worker, 2,000-entry ledger', async ({ page }) => {
	const bridge = await startRunningBridge();
	try {
		await pair(page, bridge, 'Speed desk');
		await page.goto(`${bridge.baseUrl}/diagnostics`);
		const figures: { median: number; p95: number; typingMedian: number; typingP95: number }[] = [];
		for (let round = 0; round < 3; round++) {
			await page.getByRole('button', { name: 'Run the speed test' }).click();
			const result = page.getByTestId('speed-result');
			await expect(page.getByRole('button', { name: 'Run the speed test' })).toBeEnabled({ timeout: 60_000 });
			figures.push({
				median: Number(await result.getAttribute('data-median')),
				p95: Number(await result.getAttribute('data-p95')),
				typingMedian: Number(await result.getAttribute('data-typing-median')),
				typingP95: Number(await result.getAttribute('data-typing-p95'))
			});
		}
		// Typing is what staff wait for (the worker holds the ledger; only the amount crosses); the
		// whole-ledger figure is the first preview for a family, and what every call cost before.
		const best = figures.reduce((a, b) => (a.median <= b.median ? a : b));
		const bestTyping = figures.reduce((a, b) => (a.typingMedian <= b.typingMedian ? a : b));
		const verdict = (median: number) => (median <= 3 ? 'PASS' : 'MISS');
		report('Allocation preview round trip (Chromium, Comlink worker, 2,000 entries, 50 runs × 3 rounds)', {
			'typing: median (best round)': `${ms(bestTyping.typingMedian)} (target ≤ 3 ms: ${verdict(bestTyping.typingMedian)})`,
			'typing: p95 (same round)': ms(bestTyping.typingP95),
			'typing: medians of the three rounds': figures.map((f) => ms(f.typingMedian)).join(', '),
			'whole ledger: median (best round)': `${ms(best.median)} (target ≤ 3 ms: ${verdict(best.median)})`,
			'whole ledger: p95 (same round)': ms(best.p95),
			'whole ledger: medians of the three rounds': figures.map((f) => ms(f.median)).join(', ')
		});
	} finally {
		await bridge.stop();
	}
});
