import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A running e2e bridge's data folder (written by startBridgeForE2e.js): the one at `baseURL`, else the Open Dental demo's. */
export function e2eDataDir(baseURL?: string): string {
	return readFileSync(baseURL ? `.test-output/e2e-data-dir-${new URL(baseURL).port}` : '.test-output/e2e-data-dir', 'utf8').trim();
}

/** A fresh pairing code from the bridge, through its loopback admin channel. */
export async function newPairingCode(baseURL: string): Promise<string> {
	const secret = readFileSync(join(e2eDataDir(baseURL), 'admin.secret'), 'utf8').trim();
	const response = await fetch(`${baseURL}/admin/v1/pair-code`, { method: 'POST', headers: { 'x-admin-secret': secret } });
	if (!response.ok) throw new Error(`pair-code failed: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { code: string }).code;
}

export const DEMO_PMS_AUTH = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer' };

/** Pairs the browser's device through the pairing page, as staff do. */
export async function pairThroughUi(page: import('@playwright/test').Page, baseURL: string, name = 'E2E front desk'): Promise<void> {
	const code = await newPairingCode(baseURL);
	await page.goto('/pair');
	await page.getByLabel('Pairing code').fill(code);
	await page.getByLabel('Name of this device').fill(name);
	await page.getByRole('button', { name: 'Pair device' }).click();
	await page.getByLabel('Patient name').waitFor();
	// The first sync after pairing loads the patients and ledgers.
	await page.getByText(/Ledger as of/).waitFor({ timeout: 30_000 });
}

/** Waits until the service worker controls the page, so the app keeps working offline. */
export async function waitForServiceWorker(page: import('@playwright/test').Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** Revokes a device by name through the loopback admin channel (as `npm run -s revoke-device` does). */
export async function revokeDevice(baseURL: string, name: string, dataDir = e2eDataDir(baseURL)): Promise<void> {
	const secret = readFileSync(join(dataDir, 'admin.secret'), 'utf8').trim();
	const list = (await (await fetch(`${baseURL}/admin/v1/devices`, { headers: { 'x-admin-secret': secret } })).json()) as { devices: { id: string; name: string }[] };
	const device = list.devices.find((d) => d.name === name);
	if (!device) throw new Error(`no device named ${name}`);
	const response = await fetch(`${baseURL}/admin/v1/devices/${device.id}/revoke`, { method: 'POST', headers: { 'x-admin-secret': secret } });
	if (!response.ok) throw new Error(`revoke failed: ${response.status}`);
}

/** Sets the manager PIN through the loopback admin channel (as `npm run -s set-pin` does). */
export async function setManagerPin(baseURL: string, pin: string): Promise<void> {
	const secret = readFileSync(join(e2eDataDir(baseURL), 'admin.secret'), 'utf8').trim();
	const response = await fetch(`${baseURL}/admin/v1/manager-pin`, { method: 'POST', headers: { 'x-admin-secret': secret, 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });
	if (!response.ok) throw new Error(`manager-pin failed: ${response.status} ${await response.text()}`);
}

/** Another manager, on another paired device, through the API: returns a function that saves settings changes as they would. */
export async function otherManager(baseURL: string, pin: string): Promise<(change: Record<string, unknown>) => Promise<number>> {
	const code = await newPairingCode(baseURL);
	const paired = (await (await fetch(`${baseURL}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Office manager PC' }) })).json()) as { token: string };
	const auth = { authorization: `Bearer ${paired.token}`, 'content-type': 'application/json' };
	const session = (await (await fetch(`${baseURL}/api/v1/manager/session`, { method: 'POST', headers: auth, body: JSON.stringify({ pin, name: 'Olivia' }) })).json()) as { token: string };
	return async (change) => {
		const current = (await (await fetch(`${baseURL}/api/v1/settings`, { headers: auth })).json()) as { settings: Record<string, unknown>; version: number };
		const response = await fetch(`${baseURL}/api/v1/settings`, { method: 'PUT', headers: { ...auth, 'x-manager-token': session.token }, body: JSON.stringify({ settings: { ...current.settings, ...change }, baseVersion: current.version }) });
		if (!response.ok) throw new Error(`PUT /settings answered ${response.status}: ${await response.text()}`);
		return ((await response.json()) as { version: number }).version;
	};
}
