import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';

/**
 * Wrong manager PINs and pairing codes are counted in the bridge's database (issue 13): a restart
 * does not forgive them, and the bridge as a whole has an allowance too.
 */
let bridge: RunningBridge;
beforeAll(async () => {
	bridge = await startRunningBridge();
	await bridge.setPin('246810');
});
afterAll(async () => {
	await bridge?.stop();
});

const session = (token: string, pin: string) =>
	fetch(`${bridge.baseUrl}/api/v1/manager/session`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ pin, name: 'Dana' }) });
const pair = (code: string) => fetch(`${bridge.baseUrl}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Guesser' }) });
const clearLockouts = async () => {
	const secret = readFileSync(join(bridge.dataDir, 'admin.secret'), 'utf8').trim();
	const response = await fetch(`${bridge.baseUrl}/admin/v1/guess-limits/clear`, { method: 'POST', headers: { 'x-admin-secret': secret } });
	expect(response.status).toBe(200);
	return (await response.json()) as { cleared: number };
};

describe('guessing limits that hold', () => {
	it('5 wrong PINs lock that device out, through a restart (SIGKILL), saying how long to wait; other devices still may try', async () => {
		const guesser = await bridge.pairDevice('Guessing tablet');
		const other = await bridge.pairDevice('Other tablet');
		for (let i = 0; i < 5; i++) expect((await session(guesser, '000000')).status).toBe(401);
		const locked = await session(guesser, '246810');
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
		expect(((await locked.json()) as { error: { message: string } }).error.message).toBe('Too many wrong PINs from this device. Try again in 15 minutes.');
		expect((await session(other, '246810')).status).toBe(201);

		await bridge.kill();
		bridge = await startRunningBridge({}, 'http', undefined, { port: bridge.port, dataDir: bridge.dataDir });
		expect((await session(guesser, '246810')).status).toBe(429);

		expect((await clearLockouts()).cleared).toBe(5);
		expect((await session(guesser, '246810')).status).toBe(201);
	});

	it('30 wrong PINs from several devices lock the bridge as a whole for PINs, each device under its own limit', async () => {
		const devices = await Promise.all(Array.from({ length: 7 }, (_, i) => bridge.pairDevice(`Desk ${i + 1}`)));
		for (const device of devices.slice(0, 6)) for (let i = 0; i < 5; i++) expect((await session(device, '111111')).status).toBe(401);
		const seventh = await session(devices[6]!, '246810');
		expect(seventh.status).toBe(429);
		expect(((await seventh.json()) as { error: { message: string } }).error.message).toMatch(/^Too many wrong PINs on this bridge, from several devices\. Try again in 1[45] minutes\.$/);
		await clearLockouts();
		expect((await session(devices[6]!, '246810')).status).toBe(201);
	});

	it('10 wrong pairing codes from one address answer 429, also after a restart', async () => {
		for (let i = 0; i < 10; i++) expect((await pair('ABCD-EFGH')).status).toBe(401);
		const code = await bridge.pairingCode();
		expect((await pair(code)).status).toBe(429);
		await bridge.kill();
		bridge = await startRunningBridge({}, 'http', undefined, { port: bridge.port, dataDir: bridge.dataDir });
		const locked = await pair(await bridge.pairingCode());
		expect(locked.status).toBe(429);
		expect(((await locked.json()) as { error: { message: string } }).error.message).toBe('Too many wrong pairing codes from this device. Try again in 10 minutes.');
		await clearLockouts();
		expect((await pair(await bridge.pairingCode())).status).toBe(201);
	});
});
