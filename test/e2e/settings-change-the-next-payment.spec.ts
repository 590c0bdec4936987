import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DEMO_PMS_AUTH, otherManager, pairThroughUi, setManagerPin } from './support/bridgeAdmin';
import { openPatient, takeCashPayment } from './support/frontDesk';

const PIN = '482913';
const shots = '.test-output/screenshots';

async function demo<T>(baseURL: string, path: string): Promise<T> {
	return (await (await fetch(`${baseURL}/demo-pms/api/v1${path}`, { headers: DEMO_PMS_AUTH })).json()) as T;
}

/** In-app navigation (a full page load would end the manager session, which lives in memory). */
async function go(page: Page, link: 'Front desk' | 'Settings' | 'Post manually') {
	await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: link }).click();
}

async function saveSettings(page: Page) {
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText(/^Saved\. Settings version \d+/)).toBeVisible();
}

test('a manager changes the settings on the tablet and the next payment follows them into the demo ledger', async ({ page, baseURL }) => {
	await setManagerPin(baseURL!, PIN);
	await page.goto('/');
	await pairThroughUi(page, baseURL!, 'Settings tablet');
	const aisha = (await demo<{ PatNum: number; FName: string }[]>(baseURL!, '/patients/Simple?LName=Chowdhury')).find((p) => p.FName === 'Aisha')!;

	// Sign in as manager; the page is read-only until then.
	await go(page, 'Settings');
	await expect(page.getByRole('heading', { name: 'Ledger write-back & PMS notes' })).toBeVisible();
	await expect(page.getByLabel('Payment type', { exact: true })).toBeDisabled();
	await page.getByLabel('Manager name').fill('Dana');
	await page.getByLabel('Manager PIN').fill('000000');
	await page.getByRole('button', { name: 'Unlock settings' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'That is not the manager PIN.' })).toBeVisible();
	await page.getByLabel('Manager PIN').fill(PIN);
	await page.getByLabel('Manager PIN').press('Enter');
	await expect(page.getByText('Signed in as manager Dana')).toBeVisible();
	await expect(page.getByRole('radio', { name: /Allocate to providers only/ })).toBeDisabled();
	await expect(page.getByText(/Not available: Open Dental cannot take per-provider splits/)).toBeVisible();

	await page.getByRole('radio', { name: /Post payment only/ }).check();
	await page.getByLabel('Payment type', { exact: true }).selectOption({ label: 'Care Credit' });
	await page.getByLabel('Write-back status').selectOption({ label: 'Online pending' });
	await page.getByRole('switch', { name: 'Add patient notes in PMS' }).check();
	await page.getByLabel('Name to add').fill('Maria');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await saveSettings(page);
	await page.screenshot({ path: `${shots}/settings-page.png`, fullPage: true });

	// Who is taking payments: the staff switch in the header.
	await page.getByLabel('Taking payments').selectOption('Maria');

	// The next payment: one unearned split, Care Credit, Online pending, and a patient note.
	await go(page, 'Front desk');
	await openPatient(page, 'Chowdhury', 'Aisha');
	await takeCashPayment(page, '12.34');
	const row = page.getByTestId('payments').locator('li').first();
	await expect(row.getByTestId('payment-status')).toHaveAttribute('data-status', 'verified', { timeout: 20_000 });
	const id = (await row.getAttribute('data-payment-id'))!;
	const ours = (await demo<{ PayNum: number; PayNote: string; payType: string; ProcessStatus: string }[]>(baseURL!, `/payments?PatNum=${aisha.PatNum}`)).filter((p) => p.PayNote.includes(`Paysplit ${id}`));
	expect(ours).toHaveLength(1);
	expect(ours[0]!.payType).toBe('Care Credit');
	expect(ours[0]!.PayNote).toContain('taken by Maria');
	const splits = await demo<{ SplitAmt: number; ProcNum: number; UnearnedType: number }[]>(baseURL!, `/paysplits?PayNum=${ours[0]!.PayNum}`);
	expect(splits).toHaveLength(1);
	expect(splits[0]).toMatchObject({ SplitAmt: 12.34, ProcNum: 0 });
	expect(splits[0]!.UnearnedType).toBeGreaterThan(0);
	await expect.poll(async () => (await demo<{ PayNote: string; ProcessStatus: string }[]>(baseURL!, `/payments?PatNum=${aisha.PatNum}`)).find((p) => p.PayNote.includes(`Paysplit ${id}`))?.ProcessStatus, { timeout: 15_000 }).toBe('OnlinePending');
	await expect.poll(async () => (await demo<{ Note: string }[]>(baseURL!, `/commlogs?PatNum=${aisha.PatNum}`)).filter((n) => n.Note.includes(`Paysplit ${id}`)).map((n) => n.Note), { timeout: 15_000 }).toEqual([
		expect.stringMatching(/^Payment of \$12\.34 by cash received .*, taken by Maria\. Posted to the ledger by Paysplit; ref Paysplit /)
	]);

	// Write-back off: the next payment waits on the "Post manually" page.
	await go(page, 'Settings');
	await page.getByRole('switch', { name: 'Write Payment to Ledger' }).uncheck();
	await saveSettings(page);
	await go(page, 'Front desk');
	await openPatient(page, 'Chowdhury', 'Aisha');
	await takeCashPayment(page, '23.45');
	const second = page.getByTestId('payments').locator('li').first();
	await expect(second.getByTestId('payment-status')).toHaveAttribute('data-status', 'recorded', { timeout: 20_000 });
	const manualId = (await second.getAttribute('data-payment-id'))!;
	expect((await demo<{ PayNote: string }[]>(baseURL!, `/payments?PatNum=${aisha.PatNum}`)).some((p) => p.PayNote.includes(`Paysplit ${manualId}`))).toBe(false);
	await go(page, 'Post manually');
	const item = page.getByTestId('manual-list').locator(`[data-payment-id="${manualId}"]`);
	await expect(item).toContainText('$23.45');
	await expect(item).toContainText('Care Credit');
	await expect(item.getByTestId('pms-note')).toContainText(`Paysplit ${manualId}`);
	await page.screenshot({ path: `${shots}/post-manually.png`, fullPage: true });
	await item.getByLabel('PMS payment number (optional)').fill('7781');
	await item.getByRole('button', { name: 'Mark posted' }).click();
	await expect(page.getByText('$23.45 from Aisha Chowdhury marked posted by Maria.')).toBeVisible();
	await expect(page.getByTestId('manual-recent')).toContainText('device Settings tablet (Maria)');

	// A stale save: another manager saves while this page is open; the page shows both versions.
	await go(page, 'Settings');
	await expect(page.getByText('Signed in as manager Dana')).toBeVisible();
	const saveAsOther = await otherManager(baseURL!, PIN);
	await saveAsOther({ writeBack: true, staff: ['Maria', 'Olivia'] });
	await page.getByRole('radio', { name: /Post payment and allocate/ }).check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	const conflict = page.getByTestId('settings-conflict');
	await expect(conflict).toBeVisible();
	await expect(conflict).toContainText('saved by device Office manager PC (manager Olivia)');
	await expect(conflict.getByRole('row', { name: /Staff/ })).toContainText('Maria, Olivia');
	await expect(conflict.getByRole('row', { name: /^Allocation Post payment and allocate/ })).toContainText('Post payment only');
	await page.screenshot({ path: `${shots}/settings-conflict.png`, fullPage: true });
	await conflict.getByRole('button', { name: 'Keep my changes' }).click();
	await expect(page.getByText(/^Saved\. Settings version \d+/)).toBeVisible();
	await expect(page.getByTestId('settings-conflict')).toHaveCount(0);

	// Other specs share this bridge: leave the settings as a fresh practice has them.
	await saveAsOther({ writeBack: true, paymentTypeId: null, clinicPaymentTypes: {}, allocationMode: 'allocate', allocationOrder: null, writebackStatusId: null, patientNotes: false, staff: [] });
});

test('offline, the settings page shows the cached settings read-only and says changes need the bridge', async ({ page, baseURL, context }) => {
	await page.goto('/');
	await pairThroughUi(page, baseURL!, 'Offline tablet');
	await go(page, 'Settings');
	await expect(page.getByLabel('Payment type', { exact: true })).toBeVisible();
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
	await expect(page.getByTestId('settings-offline')).toContainText('changes need the bridge');
	await expect(page.getByRole('switch', { name: 'Write Payment to Ledger' })).toBeDisabled();
	await expect(page.getByLabel('Manager PIN')).toHaveCount(0);
	await page.screenshot({ path: `${shots}/settings-offline.png`, fullPage: true });
	await context.setOffline(false);
});
