import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';

const run = promisify(execFile);
let bridge: RunningBridge;
beforeAll(async () => {
	bridge = await startRunningBridge();
});
afterAll(async () => {
	await bridge?.stop();
});
const cli = (...args: string[]) => run(process.execPath, ['scripts/admin.js', ...args], { env: { ...process.env, DATA_DIR: bridge.dataDir } });

describe('the loopback admin channel', () => {
	it('refuses a wrong or missing secret', async () => {
		const wrong = await fetch(`${bridge.baseUrl}/admin/v1/pair-code`, { method: 'POST', headers: { 'x-admin-secret': 'nope' } });
		expect(wrong.status).toBe(401);
		expect((await fetch(`${bridge.baseUrl}/admin/v1/devices`)).status).toBe(401);
	});

	it('`npm run -s pair-code` prints a code that pairs a device', async () => {
		const { stdout } = await cli('pair-code');
		const code = /Pairing code: ([A-Z0-9-]+)/.exec(stdout)?.[1];
		expect(code).toBeDefined();
		const paired = await fetch(`${bridge.baseUrl}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Checkout iPad' }) });
		expect(paired.status).toBe(201);
	});

	it('`npm run -s revoke-device -- <name>` stops that device’s token at once, and only that one', async () => {
		const kept = await bridge.pairDevice('Front desk 1');
		const revoked = await bridge.pairDevice('Front desk 2');
		const { stdout } = await cli('revoke-device', 'Front desk 2');
		expect(stdout).toContain('Revoked "Front desk 2"');
		const call = (token: string) => fetch(`${bridge.baseUrl}/api/v1/patients`, { headers: { authorization: `Bearer ${token}` } });
		expect((await call(revoked)).status).toBe(401);
		expect((await call(kept)).status).toBe(200);
		const list = await cli('devices');
		expect(list.stdout).toMatch(/revoked .* Front desk 2/);
		expect(list.stdout).toMatch(/active .* Front desk 1/);
	});

	it('names the devices when the one to revoke is unknown', async () => {
		await expect(cli('revoke-device', 'No such desk')).rejects.toMatchObject({ stderr: expect.stringContaining('No device "No such desk"') });
	});
});
