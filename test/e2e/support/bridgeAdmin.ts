import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The running e2e bridge's data folder (written by startBridgeForE2e.js). */
export function e2eDataDir(): string {
	return readFileSync('.test-output/e2e-data-dir', 'utf8').trim();
}

/** A fresh pairing code from the bridge, through its loopback admin channel. */
export async function newPairingCode(baseURL: string): Promise<string> {
	const secret = readFileSync(join(e2eDataDir(), 'admin.secret'), 'utf8').trim();
	const response = await fetch(`${baseURL}/admin/v1/pair-code`, { method: 'POST', headers: { 'x-admin-secret': secret } });
	if (!response.ok) throw new Error(`pair-code failed: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { code: string }).code;
}

export const DEMO_PMS_AUTH = { authorization: 'ODFHIR paysplit-demo-developer/paysplit-demo-customer' };
