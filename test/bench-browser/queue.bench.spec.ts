import { expect, test } from '@playwright/test';
import { startRunningBridge } from '../integration/support/runningBridge';
import { fillQueue, ms, pair, report, stats, waiting } from './support';

test('Save → durably queued with 10,000 payments already waiting', async ({ page, context }) => {
	const bridge = await startRunningBridge();
	try {
		await pair(page, bridge, 'Bench desk');
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
		await fillQueue(page, 10_000);
		await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe(10_000);

		await page.getByLabel('Patient name').fill('quinn');
		await page.getByRole('button', { name: /^Quinn, / }).first().click();
		const clicks: number[] = [];
		for (let i = 0; i < 25; i++) {
			await page.getByLabel('Amount').fill(`7${String(i).padStart(2, '0')}.${String(i).padStart(2, '0')}`);
			const started = Date.now();
			await page.getByRole('button', { name: /^Save payment/ }).click();
			await expect(page.getByLabel('Amount')).toHaveValue('');
			clicks.push(Date.now() - started);
		}
		await expect.poll(() => waiting(page)).toBe(10_025);
		const saves = await page.evaluate(() => performance.getEntriesByName('paysplit:save').map((e) => e.duration));
		const save = stats(saves);
		const click = stats(clicks);
		report('Save with 10,000 payments queued (Chromium, IndexedDB)', {
			'enqueue (payment + outbox, one transaction)': `median ${ms(save.median)}, p95 ${ms(save.p95)} (n=${save.n})`,
			'click Save → form cleared (incl. duplicate check)': `median ${ms(click.median)}, p95 ${ms(click.p95)} (n=${click.n})`
		});
	} finally {
		await bridge.stop();
	}
});

test('a queue of 1,000 payments drains to the bridge', async ({ page, context }) => {
	const bridge = await startRunningBridge();
	try {
		await pair(page, bridge, 'Drain desk');
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
		await fillQueue(page, 1_000);
		await expect.poll(() => waiting(page), { timeout: 30_000 }).toBe(1_000);
		await context.setOffline(false);
		const started = Date.now();
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect.poll(() => waiting(page), { timeout: 10 * 60_000, intervals: [100] }).toBe(0);
		const drained = Date.now() - started;
		// And how long the bridge then takes to write them all to the demo PMS.
		const auth = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer' };
		const count = async () => {
			let total = 0;
			for (let offset = 0; ; offset += 1000) {
				const page = (await (await fetch(`${bridge.baseUrl}/demo-pms/api/v1/payments?Offset=${offset}`, { headers: auth })).json()) as { PayNote: string }[];
				total += page.filter((p) => p.PayNote.startsWith('Paysplit ')).length;
				if (page.length < 1000) return total;
			}
		};
		await expect.poll(count, { timeout: 10 * 60_000, intervals: [500] }).toBe(1_000);
		const posted = Date.now() - started;
		report('Draining 1,000 queued payments', {
			'device → bridge journal (queue empty)': `${(drained / 1000).toFixed(1)} s (${Math.round(1000 / (drained / 1000))} payments/s)`,
			'until all 1,000 are posted in the demo PMS': `${(posted / 1000).toFixed(1)} s`
		});
	} finally {
		await bridge.stop();
	}
});
