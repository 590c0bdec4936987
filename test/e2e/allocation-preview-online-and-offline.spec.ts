import { expect, test, type Page } from '@playwright/test';
import { pairThroughUi, waitForServiceWorker } from './support/bridgeAdmin';

async function previewTotal(page: Page): Promise<number> {
	const table = page.getByTestId('allocation-preview');
	await expect(table).toBeVisible();
	const amounts = await table.locator('tbody td.num').allTextContents();
	return amounts.reduce((sum, text) => sum + Math.round(Number(text.replace(/[$,]/g, '')) * 100), 0);
}

test('the payment screen previews the splits from the worker as the amount is typed, online and offline', async ({ page, context, baseURL }) => {
	await pairThroughUi(page, baseURL!);
	await waitForServiceWorker(page);
	await page.getByLabel('Patient name').fill('bennett james');
	await page.getByRole('button', { name: /Bennett, James/ }).click();

	await page.getByLabel('Amount').fill('300');
	await expect.poll(() => previewTotal(page)).toBe(30000);
	const rows = page.getByTestId('allocation-preview').locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(1);
	// Each split names a charge, its date, the patient, the provider and the amount.
	await expect(rows.first().locator('td').nth(1)).toHaveText(/\d{4}-\d{2}-\d{2}/);

	// More than the family owes: the rest is prepayment.
	await page.getByLabel('Amount').fill('5000');
	await expect.poll(() => previewTotal(page)).toBe(500000);
	await expect(page.getByTestId('allocation-preview')).toContainText('Prepayment');

	// Offline: the bridge cannot be reached, and the preview still works from the device's copy.
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByText('Offline: bridge not reachable')).toBeVisible();
	await page.getByLabel('Amount').fill('12.34');
	await expect.poll(() => previewTotal(page)).toBe(1234);

	// Even after a reload with no network: the service worker serves the app and its worker.
	await page.reload();
	await page.getByLabel('Patient name').fill('bennett james');
	await page.getByRole('button', { name: /Bennett, James/ }).click();
	await page.getByLabel('Amount').fill('77');
	await expect.poll(() => previewTotal(page)).toBe(7700);
	await context.setOffline(false);
});

test('preferring the patient’s own charges changes the preview', async ({ page, baseURL }) => {
	await pairThroughUi(page, baseURL!, 'E2E desk 2');
	await page.getByLabel('Patient name').fill('bennett james');
	await page.getByRole('button', { name: /Bennett, James/ }).click();
	await page.getByLabel('Amount').fill('100');
	await expect.poll(() => previewTotal(page)).toBe(10000);
	const before = await page.getByTestId('allocation-preview').locator('tbody tr td:nth-child(3)').allTextContents();
	await page.getByLabel("Pay James's own charges before the rest of the family").check();
	await expect
		.poll(async () => (await page.getByTestId('allocation-preview').locator('tbody tr td:nth-child(3)').allTextContents()).every((name) => name === 'James'))
		.toBe(true);
	expect(before.some((name) => name !== 'James')).toBe(true);
});
