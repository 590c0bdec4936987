import { expect, test } from './support/fixtures';
import { DEMO_PMS_AUTH, pairThroughUi } from './support/bridgeAdmin';

test('a cash payment taken at the front desk lands once in the demo PMS ledger', async ({ page, baseURL }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Pair this device to start' })).toBeVisible();
	await pairThroughUi(page, baseURL!, 'E2E front desk');

	await expect(page.getByText('Online')).toBeVisible();
	await page.getByLabel('Patient name').fill('chowd');
	await page.getByRole('button', { name: /Chowdhury, Aisha/ }).click();
	await expect(page.getByTestId('family-balance')).toContainText('$');

	await page.getByLabel('Amount').fill('$87.25');
	await page.getByRole('radio', { name: 'Cash' }).check();
	await page.getByRole('button', { name: 'Save payment of $87.25' }).click();

	const row = page.getByTestId('payments').locator('li').first();
	await expect(row).toContainText('$87.25');
	await expect(row.getByTestId('payment-status')).toHaveAttribute('data-status', 'verified', { timeout: 20_000 });
	const paymentId = await row.getAttribute('data-payment-id');
	expect(paymentId).toMatch(/^[0-9a-f-]{36}$/);
	await expect(page.getByTestId('pending-count')).toContainText('0 payments wait');

	// The demo PMS holds exactly one payment with our reference, for the amount, split once.
	const patients = (await (await fetch(`${baseURL}/demo-pms/api/v1/patients/Simple?LName=Chowdhury`, { headers: DEMO_PMS_AUTH })).json()) as { PatNum: number; FName: string; LName: string }[];
	const aisha = patients.find((p) => p.FName === 'Aisha' && p.LName === 'Chowdhury');
	expect(aisha).toBeDefined();
	const payments = (await (await fetch(`${baseURL}/demo-pms/api/v1/payments?PatNum=${aisha!.PatNum}`, { headers: DEMO_PMS_AUTH })).json()) as { PayNum: number; PayAmt: string; PayNote: string; payType: string }[];
	const ours = payments.filter((p) => p.PayNote.includes(`Paysplit ${paymentId}`));
	expect(ours).toHaveLength(1);
	expect(ours[0]).toMatchObject({ PayAmt: '87.25', payType: 'Cash' });
	const splits = (await (await fetch(`${baseURL}/demo-pms/api/v1/paysplits?PayNum=${ours[0]!.PayNum}`, { headers: DEMO_PMS_AUTH })).json()) as { SplitAmt: number }[];
	expect(splits.reduce((sum, s) => sum + Math.round(s.SplitAmt * 100), 0)).toBe(8725);
});
