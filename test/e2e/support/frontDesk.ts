import { expect, type Page } from '@playwright/test';
import { DEMO_PMS_AUTH } from './bridgeAdmin';

/** Finds a patient by "Last First" and opens them. */
export async function openPatient(page: Page, lastName: string, firstName: string): Promise<void> {
	await page.getByLabel('Patient name').fill(`${lastName} ${firstName}`);
	await page.getByRole('button', { name: `${lastName}, ${firstName}` }).click();
	await expect(page.getByRole('heading', { name: `Take a payment from ${firstName} ${lastName}` })).toBeVisible();
}

/** Takes a cash payment for the open patient; confirms "already taken?" if it is asked. Returns nothing: ids are read from the list. */
export async function takeCashPayment(page: Page, amount: string): Promise<void> {
	await page.getByLabel('Amount').fill(amount);
	await page.getByRole('radio', { name: 'Cash' }).check();
	await page.getByRole('button', { name: /^Save payment/ }).click();
	const again = page.getByRole('button', { name: 'Yes, save another payment' });
	if (await again.isVisible().catch(() => false)) await again.click();
	await expect(page.getByLabel('Amount')).toHaveValue('');
}

/** The number the header shows as waiting to sync. */
export async function waitingCount(page: Page): Promise<number> {
	const text = (await page.getByTestId('pending-count').textContent()) ?? '';
	return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

/** The demo PMS payments carrying "Paysplit <id>" for each id: how many times each landed. */
export async function landedCounts(baseURL: string, ids: readonly string[]): Promise<Map<string, number>> {
	const payments = (await (await fetch(`${baseURL}/demo-pms/api/v1/payments`, { headers: DEMO_PMS_AUTH })).json()) as { PayNote: string }[];
	return new Map(ids.map((id) => [id, payments.filter((p) => p.PayNote.includes(`Paysplit ${id}`)).length]));
}

/** The ids of the payments this device's database holds (in any status). */
export async function deviceIds(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('paysplit');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('payments', 'readonly');
					const all = tx.objectStore('payments').getAllKeys();
					all.onsuccess = () => {
						resolve(all.result.map(String));
						open.result.close();
					};
					all.onerror = () => reject(all.error);
				};
			})
	);
}
