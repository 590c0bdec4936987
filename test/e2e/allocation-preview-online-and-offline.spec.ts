import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { newPairingCode, pairThroughUi, waitForServiceWorker } from './support/bridgeAdmin';
import { practiceDay } from '../support/practiceDay';
import { allocatePayment } from '../../src/lib/domain/allocation/allocatePayment';
import { allocationOptionsFor } from '../../src/lib/domain/settings/allocationOptionsFor';
import type { Patient, PatientsFeed } from '../../src/lib/domain/api/patientsFeed';
import type { SettingsResponse } from '../../src/lib/domain/settings/practiceSettings';

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

test('preferring the patient’s own charges changes the preview as the engine says', async ({ page, baseURL }) => {
	// Find, from the practice as the bridge sends it, a patient for whom preferring their own charges
	// changes where $100 goes (the demo data is generated, so the test picks rather than assumes).
	const code = await newPairingCode(baseURL!);
	const paired = (await (await fetch(`${baseURL}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'E2E probe' }) })).json()) as { token: string };
	const auth = { authorization: `Bearer ${paired.token}` };
	const feed = (await (await fetch(`${baseURL}/api/v1/patients`, { headers: auth })).json()) as PatientsFeed;
	const settings = (await (await fetch(`${baseURL}/api/v1/settings`, { headers: auth })).json()) as SettingsResponse;
	const preferences = settings.pms.options!.preferences;
	const run = (patient: Patient, preferPatient: boolean) => {
		const family = feed.families.find((f) => f.guarantorId === patient.guarantorId)!;
		const result = allocatePayment({
			payment: { patientId: patient.id, amount: 10000, payDate: practiceDay(), clinicId: preferences.clinicsEnabled ? (patient.clinicId ?? null) : null },
			mode: 'allocate',
			options: allocationOptionsFor(settings.settings, preferences, { preferPatient }, { payDate: practiceDay(), ledger: family.ledger }),
			ledger: family.ledger
		});
		if (!result.ok) throw new Error(result.error.message);
		return result.splits.map((s) => s.patientId);
	};
	const patient = feed.patients.find((p) => feed.patients.some((o) => o.guarantorId === p.guarantorId && o.id !== p.id) && run(p, false).join() !== run(p, true).join());
	expect(patient, 'the demo practice has a family where the preference matters').toBeDefined();
	const names = new Map(feed.patients.map((p) => [p.id, p.firstName]));

	await pairThroughUi(page, baseURL!, 'E2E desk 2');
	await page.getByLabel('Patient name').fill(`${patient!.lastName} ${patient!.firstName}`);
	await page.getByRole('button', { name: `${patient!.lastName}, ${patient!.firstName}` }).click();
	await page.getByLabel('Amount').fill('100');
	await expect.poll(() => previewTotal(page)).toBe(10000);
	const previewPatients = () => page.getByTestId('allocation-preview').locator('tbody tr td:nth-child(3)').allTextContents();
	expect((await previewPatients()).sort()).toEqual(run(patient!, false).map((id) => names.get(id)).sort());
	await page.getByLabel(`Pay ${patient!.firstName}'s own charges before the rest of the family`).check();
	await expect.poll(async () => (await previewPatients()).sort()).toEqual(run(patient!, true).map((id) => names.get(id)).sort());
});
