import { expect, test } from './support/fixtures';
import { startRunningBridge, type RunningBridge } from '../integration/support/runningBridge';
import { pairThroughUi, revokeDevice, waitForServiceWorker } from './support/bridgeAdmin';
import { deviceIds, landedCounts, openPatient, takeCashPayment, waitingCount } from './support/frontDesk';

// These tests start, kill and restart bridges of their own (the shared one must keep running).
let own: RunningBridge | null = null;
test.afterEach(async () => {
	await own?.stop();
	own = null;
});

async function pairWith(page: import('@playwright/test').Page, bridge: RunningBridge, name: string) {
	const code = await bridge.pairingCode();
	await page.goto(`${bridge.baseUrl}/pair`);
	await page.getByLabel('Pairing code').fill(code);
	await page.getByLabel('Name of this device').fill(name);
	await page.getByRole('button', { name: 'Pair device' }).click();
	await page.getByLabel('Patient name').waitFor();
	await page.getByText(/Ledger as of/).waitFor({ timeout: 30_000 });
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'online');
}

test('the bridge killed in the middle of a sync and restarted: no payment lost or doubled', async ({ page, context }) => {
	test.setTimeout(120_000);
	own = await startRunningBridge();
	await pairWith(page, own, 'Crash desk');
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
	await openPatient(page, 'Hernandez', 'Miguel');
	for (let n = 1; n <= 12; n++) await takeCashPayment(page, `4${String(n).padStart(2, '0')}.00`);
	const ids = await deviceIds(page);
	expect(ids).toHaveLength(12);

	// Back online: the moment the batch is on its way, the bridge dies (a power cut, not a shutdown).
	const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/payments') && r.method() === 'POST');
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await sent;
	await own.kill();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', /offline|syncing/);

	own = await startRunningBridge({}, 'http', undefined, { port: own.port, dataDir: own.dataDir });
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect.poll(() => waitingCount(page), { timeout: 60_000 }).toBe(0);
	const bridge = own;
	await expect.poll(async () => [...(await landedCounts(bridge.baseUrl, ids)).values()].filter((n) => n >= 1).length, { timeout: 60_000 }).toBe(12);
	expect([...(await landedCounts(bridge.baseUrl, ids)).values()]).toEqual(ids.map(() => 1));
});

test('with the bridge stopped entirely, the app still opens from the service worker and takes payments', async ({ page }) => {
	own = await startRunningBridge();
	await pairWith(page, own, 'No bridge desk');
	await waitForServiceWorker(page);
	await own.kill();
	await page.reload();
	await expect(page.getByLabel('Patient name')).toBeVisible();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
	await openPatient(page, 'Ishikawa', 'Yuki');
	await takeCashPayment(page, '55.55');
	await expect.poll(() => waitingCount(page)).toBe(1);
	await expect(page.getByTestId('payments')).toContainText('Waiting to sync');
});

test('a revoked device stops syncing, asks to be paired again, keeps its queue and sends it once paired', async ({ page, context, baseURL }) => {
	await pairThroughUi(page, baseURL!, 'Revoked desk');
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
	await openPatient(page, 'Johansson', 'Erik');
	await takeCashPayment(page, '61.10');
	await takeCashPayment(page, '61.20');
	const ids = await deviceIds(page);

	await revokeDevice(baseURL!, 'Revoked desk');
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'unpaired');
	await expect(page.getByText('This device must be paired again')).toBeVisible();
	expect(await waitingCount(page)).toBe(2);
	expect([...(await landedCounts(baseURL!, ids)).values()]).toEqual([0, 0]);

	await pairThroughUi(page, baseURL!, 'Revoked desk, paired again');
	await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);
	await expect.poll(async () => [...(await landedCounts(baseURL!, ids)).values()], { timeout: 30_000 }).toEqual([1, 1]);
});
