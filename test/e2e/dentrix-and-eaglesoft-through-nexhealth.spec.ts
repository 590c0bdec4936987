import { expect, test } from './support/fixtures';
import { newPairingCode, pairThroughUi, waitForServiceWorker } from './support/bridgeAdmin';
import { deviceIds, openPatient, takeCashPayment, waitingCount } from './support/frontDesk';
import { DEMO_NEXHEALTH_KEY, NEXHEALTH_BRIDGES, nexhealthReader, type DemoEmr } from './support/nexhealthBridges';
import type { Page } from '@playwright/test';

/**
 * Dentrix and Eaglesoft practices, written to through NexHealth (issue 14): each runs the whole
 * product against the NexHealth-compatible fake, through the real connector. NexHealth takes a write
 * with 202 and shows it on a later cycle: the payments go submitted → posted → verified.
 */

type Family = { guarantorId: string; balance: number; ledger: { adjustments: { amount: number }[]; procedures: unknown[] } };
type Patient = { id: string; guarantorId: string; firstName: string; lastName: string };

/** A guarantor who owes enough, on a ledger without charges the engine could pay that NexHealth cannot take a split on (positive adjustments). */
async function payingPatient(baseURL: string, minimumCents: number): Promise<Patient> {
	const code = await newPairingCode(baseURL);
	const paired = (await (await fetch(`${baseURL}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'E2E probe' }) })).json()) as { token: string };
	const feed = (await (await fetch(`${baseURL}/api/v1/patients`, { headers: { authorization: `Bearer ${paired.token}` } })).json()) as { patients: Patient[]; families: Family[] };
	const family = feed.families.find((f) => f.balance >= minimumCents && f.ledger.procedures.length > 1 && f.ledger.adjustments.every((a) => a.amount <= 0));
	expect(family, 'the demo practice has a family that owes enough').toBeDefined();
	return feed.patients.find((p) => p.id === family!.guarantorId)!;
}

/** The payment this device saved, as it saved it (with the preview staff saw). */
async function savedIntent(page: Page, id: string): Promise<{ amount: number; preview?: { procedureId?: string; amount: number }[] }> {
	return page.evaluate(
		(id) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('paysplit');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('payments', 'readonly').objectStore('payments').get(id);
					get.onsuccess = () => {
						resolve((get.result as { intent: never }).intent);
						open.result.close();
					};
					get.onerror = () => reject(get.error);
				};
			}),
		id
	);
}

/** The PMS's rows for a payment, by charge ("" for the unapplied rest), in cents paid. */
async function rowsByCharge(baseURL: string, paymentId: string): Promise<Map<string, number>> {
	const get = await nexhealthReader(baseURL);
	const rows = (await get('/payments', { transaction_id: `PAYSPLIT:${paymentId.replaceAll('-', '')}` })) as { charge_id: number | null; payment_amount: { amount: string } }[];
	const byCharge = new Map<string, number>();
	for (const row of rows) {
		const key = row.charge_id === null ? '' : String(row.charge_id);
		byCharge.set(key, (byCharge.get(key) ?? 0) + Math.round(-Number(row.payment_amount.amount) * 100));
	}
	return byCharge;
}

/** What the preview showed, by charge ("" for the rest kept as a credit). */
function previewByCharge(preview: { procedureId?: string; amount: number }[]): Map<string, number> {
	const byCharge = new Map<string, number>();
	for (const split of preview) byCharge.set(split.procedureId ?? '', (byCharge.get(split.procedureId ?? '') ?? 0) + split.amount);
	return byCharge;
}

/** How many writes NexHealth accepted for a payment (the fake's record of them). */
async function writesFor(baseURL: string, paymentId: string): Promise<number> {
	const writes = (await (await fetch(`${baseURL}/demo-nexhealth/_demo/writes`, { headers: { authorization: DEMO_NEXHEALTH_KEY } })).json()) as { data: { body: { transactionId?: string } }[] };
	return writes.data.filter((w) => w.body.transactionId === `PAYSPLIT:${paymentId.replaceAll('-', '')}`).length;
}

/** Waits until the worker's preview for this amount is on screen (it is saved with the payment). */
async function previewShown(page: Page, amount: string): Promise<void> {
	await expect(page.getByTestId('allocation-preview')).toBeVisible();
	await expect(page.getByTestId('allocation-preview')).toContainText(amount.replace(/\.00$/, ''));
	await expect(page.locator('section.preview')).toHaveAttribute('aria-busy', 'false');
}

async function savedPaymentId(page: Page, amount: string): Promise<string> {
	const row = page.getByTestId('payments').locator('li', { hasText: amount }).first();
	await expect(row).toBeVisible();
	return (await row.getAttribute('data-payment-id'))!;
}

for (const [emr, baseURL] of Object.entries(NEXHEALTH_BRIDGES) as [DemoEmr, string][]) {
	const name = emr === 'dentrix' ? 'Dentrix' : 'Eaglesoft';

	test.describe(`${name} through NexHealth`, () => {
		test.use({ baseURL });
		// NexHealth writes land on a later cycle, looked for at 3, 5, 10, 20 s…: more time than the default.
		test.describe.configure({ timeout: 120_000 });

		test(`a cash and a card payment are verified in ${name}'s ledger with the splits the preview showed`, async ({ page }) => {
			const patient = await payingPatient(baseURL, 9_000);
			await pairThroughUi(page, baseURL, `${name} desk`);
			await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'online');
			await openPatient(page, patient.lastName, patient.firstName);

			await page.getByLabel('Amount').fill('40.00');
			await page.getByRole('radio', { name: 'Cash' }).check();
			await previewShown(page, '$40.00');
			await page.getByRole('button', { name: /^Save payment/ }).click();
			await expect(page.getByLabel('Amount')).toHaveValue('');
			const cashId = await savedPaymentId(page, '$40.00');

			await page.getByLabel('Amount').fill('25.00');
			await page.getByRole('radio', { name: 'Card terminal' }).check();
			await page.getByLabel('Terminal reference').fill(`TRM-${cashId.slice(-8)}`);
			await page.getByLabel('Last four digits').fill('4242');
			await previewShown(page, '$25.00');
			await page.getByRole('button', { name: /^Save payment/ }).click();
			await expect(page.getByLabel('Amount')).toHaveValue('');
			const cardId = await savedPaymentId(page, '$25.00');

			for (const id of [cashId, cardId]) {
				await expect(page.locator(`[data-payment-id="${id}"]`).getByTestId('payment-status')).toHaveAttribute('data-status', 'verified', { timeout: 45_000 });
				const intent = await savedIntent(page, id);
				expect(intent.preview, 'the device kept what it previewed').toBeDefined();
				expect(await rowsByCharge(baseURL, id)).toEqual(previewByCharge(intent.preview!));
				expect(await writesFor(baseURL, id)).toBe(1);
			}
		});

		test(`five payments taken offline are each verified in ${name}'s ledger exactly once`, async ({ page, context }) => {
			const patient = await payingPatient(baseURL, 10_000);
			await pairThroughUi(page, baseURL, `${name} offline desk`);
			await waitForServiceWorker(page);
			await context.setOffline(true);
			await page.getByRole('button', { name: 'Sync now' }).click();
			await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
			await openPatient(page, patient.lastName, patient.firstName);
			const amounts = ['11.01', '11.02', '11.03', '11.04', '11.05'];
			for (const amount of amounts) await takeCashPayment(page, amount);
			await expect.poll(() => waitingCount(page)).toBe(5);
			const ids = await deviceIds(page);
			expect(ids).toHaveLength(5);

			await context.setOffline(false);
			await page.getByRole('button', { name: 'Sync now' }).click();
			await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);
			for (const id of ids) await expect(page.locator(`[data-payment-id="${id}"]`).getByTestId('payment-status')).toHaveAttribute('data-status', 'verified', { timeout: 60_000 });
			for (const id of ids) {
				const rows = await rowsByCharge(baseURL, id);
				const intent = await savedIntent(page, id);
				expect([...rows.values()].reduce((a, b) => a + b, 0)).toBe(intent.amount);
				expect(await writesFor(baseURL, id)).toBe(1);
			}
		});
	});
}
