import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DEMO_PMS_AUTH, pairThroughUi, setManagerPin } from './support/bridgeAdmin';
import { landedCounts, openPatient, takeCashPayment } from './support/frontDesk';

const PIN = '731946';
const shots = '.test-output/screenshots';
const REFUSAL = 'PayType is invalid.';

/** The demo PMS refuses the next `times` payments as Open Dental would (a 400 with its message). */
async function refuseNextPayments(baseURL: string, times: number): Promise<void> {
	const response = await fetch(`${baseURL}/demo-pms/api/v1/_demo/faults`, {
		method: 'PUT',
		headers: { ...DEMO_PMS_AUTH, 'content-type': 'application/json' },
		body: JSON.stringify({ faults: [{ on: 'POST /payments', kind: 'refuse', message: REFUSAL, times }] })
	});
	expect(response.status).toBe(200);
}

// The demo PMS is shared by every spec: never leave a refusal behind for the next one.
test.afterEach(async ({ baseURL }) => {
	await fetch(`${baseURL}/demo-pms/api/v1/_demo/faults`, { method: 'PUT', headers: { ...DEMO_PMS_AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ faults: [] }) });
});

async function go(page: Page, link: 'Front desk' | 'Needs attention') {
	await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: link }).click();
}

/** The newest payment on the front desk list: its id once it shows `status`. */
async function newestWithStatus(page: Page, status: string): Promise<string> {
	const row = page.getByTestId('payments').locator('li').first();
	await expect(row.getByTestId('payment-status')).toHaveAttribute('data-status', status, { timeout: 20_000 });
	return (await row.getAttribute('data-payment-id'))!;
}

test('a payment the PMS refused is tried again, another is voided with the manager PIN, both from the Needs attention page', async ({ page, baseURL }) => {
	await setManagerPin(baseURL!, PIN);
	await page.goto('/');
	await pairThroughUi(page, baseURL!, 'Attention desk');
	await refuseNextPayments(baseURL!, 2);

	await openPatient(page, 'Chowdhury', 'Aisha');
	await takeCashPayment(page, '31.17');
	const first = await newestWithStatus(page, 'needs_attention');
	await openPatient(page, 'Chowdhury', 'Aisha');
	await takeCashPayment(page, '42.18');
	const second = await newestWithStatus(page, 'needs_attention');
	await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Needs attention (2)' })).toBeVisible();

	await go(page, 'Needs attention');
	const list = page.getByTestId('attention-list');
	const firstCard = list.locator(`li[data-payment-id="${first}"]`);
	const secondCard = list.locator(`li[data-payment-id="${second}"]`);
	await expect(firstCard.getByTestId('attention-reason')).toContainText(REFUSAL);
	await expect(firstCard.getByRole('heading')).toHaveText('$31.17 · Aisha Chowdhury');
	await expect(secondCard.getByTestId('attention-reason')).toContainText(REFUSAL);
	await page.screenshot({ path: `${shots}/needs-attention.png`, fullPage: true });

	// The cause is gone (the faults were spent): try the first again; it reaches the ledger once.
	await firstCard.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('status').filter({ hasText: '$31.17 from Aisha Chowdhury goes back' })).toBeVisible();
	await expect(firstCard).toHaveCount(0);

	// Void the second: the dialog asks why and, with no manager session, for the PIN.
	await secondCard.getByRole('button', { name: 'Void…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Void this payment?' });
	await dialog.getByLabel('Why is it voided?').fill('Patient paid twice at the desk; refunded in cash');
	await dialog.getByLabel('Manager name').fill('Dana');
	await dialog.getByLabel('Manager PIN').fill('000000');
	await dialog.getByRole('button', { name: 'Void payment' }).click();
	await expect(dialog.getByRole('alert')).toContainText('That is not the manager PIN.');
	await page.screenshot({ path: `${shots}/needs-attention-void.png`, fullPage: true });
	await dialog.getByLabel('Manager PIN').fill(PIN);
	await dialog.getByRole('button', { name: 'Void payment' }).click();
	await expect(page.getByRole('status').filter({ hasText: '$42.18 from Aisha Chowdhury voided' })).toBeVisible();
	await expect(page.getByTestId('attention-empty')).toHaveText('No payment needs attention.');

	await go(page, 'Front desk');
	await expect(page.locator(`[data-payment-id="${first}"]`).getByTestId('payment-status')).toHaveAttribute('data-status', 'verified', { timeout: 20_000 });
	await expect(page.locator(`[data-payment-id="${second}"]`).getByTestId('payment-status')).toHaveAttribute('data-status', 'voided', { timeout: 20_000 });
	const landed = await landedCounts(baseURL!, [first, second]);
	expect(Object.fromEntries(landed)).toEqual({ [first]: 1, [second]: 0 });
});
