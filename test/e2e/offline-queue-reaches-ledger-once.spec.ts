import { expect, test } from './support/fixtures';
import { pairThroughUi, waitForServiceWorker } from './support/bridgeAdmin';
import { deviceIds, landedCounts, openPatient, takeCashPayment, waitingCount } from './support/frontDesk';

test('payments taken offline survive a reload and reach the demo ledger exactly once when back online', async ({ page, context, baseURL }) => {
	await pairThroughUi(page, baseURL!, 'Offline desk');
	await waitForServiceWorker(page);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'online');

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
	await openPatient(page, 'Dubois', 'Robert');
	for (const amount of ['21.01', '21.02', '21.03']) await takeCashPayment(page, amount);
	await expect.poll(() => waitingCount(page)).toBe(3);

	// Reload with no network: the service worker serves the app, and the queue is still there.
	await page.reload();
	await expect(page.getByTestId('pending-count')).toContainText('3 payments wait');
	const ids = await deviceIds(page);
	expect(ids).toHaveLength(3);
	await page.goto('/queue');
	await expect(page.getByTestId('queue').locator('tbody tr')).toHaveCount(3);

	await context.setOffline(false);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);
	await expect.poll(async () => [...(await landedCounts(baseURL!, ids)).values()], { timeout: 30_000 }).toEqual([1, 1, 1]);
	// And stays once: more syncs change nothing.
	await page.getByRole('button', { name: 'Sync now' }).click();
	await page.waitForTimeout(1_000);
	expect([...(await landedCounts(baseURL!, ids)).values()]).toEqual([1, 1, 1]);
});

test('three tabs offline, five payments each: exactly fifteen reach the ledger', async ({ page, context, baseURL }) => {
	await pairThroughUi(page, baseURL!, 'Three tabs');
	await waitForServiceWorker(page);
	const tabs = [page, await context.newPage(), await context.newPage()];
	for (const tab of tabs.slice(1)) {
		await tab.goto('/');
		await expect(tab.getByLabel('Patient name')).toBeVisible();
	}
	await context.setOffline(true);
	const patients: [string, string][] = [['Eriksen', 'Linnea'], ['Fitzgerald', 'Thomas'], ['Gallagher', 'Grace']];
	for (const [index, tab] of tabs.entries()) {
		const [last, first] = patients[index]!;
		// Staff use one tab at a time; background tabs have their timers throttled by the browser.
		await tab.bringToFront();
		await openPatient(tab, last, first);
		for (let n = 1; n <= 5; n++) await takeCashPayment(tab, `3${index}.0${n}`);
	}
	// Every tab sees the whole queue, live.
	for (const tab of tabs) await expect.poll(() => waitingCount(tab)).toBe(15);
	const ids = await deviceIds(page);
	expect(ids).toHaveLength(15);

	await context.setOffline(false);
	await tabs[2]!.getByRole('button', { name: 'Sync now' }).click();
	for (const tab of tabs) await expect.poll(() => waitingCount(tab), { timeout: 30_000 }).toBe(0);
	await expect.poll(async () => [...(await landedCounts(baseURL!, ids)).values()].filter((n) => n === 1).length, { timeout: 30_000 }).toBe(15);
	expect([...(await landedCounts(baseURL!, ids)).values()].every((n) => n === 1)).toBe(true);
});
