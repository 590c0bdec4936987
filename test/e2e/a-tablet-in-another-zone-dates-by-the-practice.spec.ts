import { expect, test } from './support/fixtures';
import { pairThroughUi, waitForServiceWorker, DEMO_PMS_AUTH } from './support/bridgeAdmin';
import { deviceIds, openPatient, takeCashPayment, waitingCount } from './support/frontDesk';
import { practiceDay } from '../support/practiceDay';
import { todayIn } from '../../src/lib/domain/dates/todayIn';

/**
 * A tablet whose own zone is on another day than the practice (issue 13): whatever the hour, one of
 * these two zones is (Kiritimati is 19 hours ahead of New York, UTC−12 seven behind).
 */
const deviceZone = ['Pacific/Kiritimati', 'Etc/GMT+12'].find((zone) => todayIn(zone, new Date()) !== practiceDay())!;
test.use({ timezoneId: deviceZone });

test('a tablet set to another day\'s time zone dates payments by the practice\'s today, offline and after a reload too', async ({ page, context, baseURL }) => {
	expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(deviceZone);
	await pairThroughUi(page, baseURL!, 'Tablet in another zone');
	await waitForServiceWorker(page);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'online');

	// Offline from the start of this page's life: the practice's zone comes from the device's database.
	await context.setOffline(true);
	await page.reload();
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
	await openPatient(page, 'Dubois', 'Robert');
	await expect(page.getByLabel('Date', { exact: true })).toHaveValue(practiceDay());
	await takeCashPayment(page, '31.07');
	await expect.poll(() => waitingCount(page)).toBe(1);
	const [id] = await deviceIds(page);

	await context.setOffline(false);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);
	await expect
		.poll(async () => {
			const payments = (await (await fetch(`${baseURL}/demo-pms/api/v1/payments`, { headers: DEMO_PMS_AUTH })).json()) as { PayNote: string; PayDate: string }[];
			return payments.filter((p) => p.PayNote.includes(`Paysplit ${id}`)).map((p) => p.PayDate);
		}, { timeout: 30_000 })
		.toEqual([practiceDay()]);
});
