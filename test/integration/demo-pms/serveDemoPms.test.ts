import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenDentalConnector } from '$lib/server/connectors/opendental/createOpenDentalConnector';
import { parseDemoPmsEnv } from '$lib/server/demo-pms/serveDemoPms';
import { freePort } from '../support/runningBridge';
import { startRunningDemoPms, type RunningDemoPms } from '../../support/runningDemoPms';

let demo: RunningDemoPms;
let port: number;

beforeAll(async () => {
	port = await freePort();
	demo = await startRunningDemoPms(port, { DEMO_PATIENTS: '60' });
});
afterAll(async () => {
	await demo?.stop();
});

describe('npm run demo-pms: the demo practice alone, for several bridges', () => {
	it('prints the settings a bridge needs, and serves the Open Dental API there', async () => {
		expect(demo.bridgeEnv).toEqual({
			PMS: 'opendental',
			OPENDENTAL_URL: `http://127.0.0.1:${port}/api/v1`,
			OPENDENTAL_DEVELOPER_KEY: 'paysplit-demo-developer',
			OPENDENTAL_CUSTOMER_KEY: 'paysplit-demo-customer'
		});
		const connector = createOpenDentalConnector({
			baseUrl: demo.bridgeEnv.OPENDENTAL_URL!,
			developerKey: demo.bridgeEnv.OPENDENTAL_DEVELOPER_KEY!,
			customerKey: demo.bridgeEnv.OPENDENTAL_CUSTOMER_KEY!,
			fetch: (input, init) => fetch(input, init)
		});
		const practice = await connector.readPractice();
		if (!practice.ok) throw new Error(practice.failure.message);
		expect(practice.value.patients).toHaveLength(60);
		expect(practice.value.families.length).toBeGreaterThan(5);
		expect(existsSync(join(demo.dataDir, 'demo-pms-standalone', 'PG_VERSION'))).toBe(true);
	});

	it('refuses wrong keys, and answers 404 outside /api/v1', async () => {
		const wrong = createOpenDentalConnector({ baseUrl: demo.bridgeEnv.OPENDENTAL_URL!, developerKey: 'x', customerKey: 'y', fetch: (i, init) => fetch(i, init) });
		const read = await wrong.readPractice();
		expect(!read.ok && read.failure.kind).toBe('unauthorized');
		expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
	});

	it('takes fault injection for tests at /api/v1/_demo/faults, as the embedded one does', async () => {
		const url = `${demo.bridgeEnv.OPENDENTAL_URL}/_demo/faults`;
		const headers = { authorization: `ODFHIR ${demo.bridgeEnv.OPENDENTAL_DEVELOPER_KEY}/${demo.bridgeEnv.OPENDENTAL_CUSTOMER_KEY}`, 'content-type': 'application/json' };
		const set = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ latencyMs: 5 }) });
		expect(set.status).toBe(200);
		expect(await (await fetch(url, { headers })).json()).toMatchObject({ latencyMs: 5 });
		await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ latencyMs: 0 }) });
	});

	it('stops a second copy started on the same port, saying to set DEMO_PMS_PORT', async () => {
		await expect(startRunningDemoPms(port)).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is taken .*Set DEMO_PMS_PORT`));
	});
});

describe('the demo PMS settings', () => {
	it('defaults to Open Dental’s Local API port on 127.0.0.1, under DATA_DIR/demo-pms-standalone', () => {
		const parsed = parseDemoPmsEnv({ DATA_DIR: '/srv/paysplit', DEMO_TODAY: '2026-11-23' });
		expect(parsed.ok && { ...parsed.options, clock: parsed.options.clock.today() }).toEqual({
			port: 30222,
			host: '127.0.0.1',
			dataDir: '/srv/paysplit/demo-pms-standalone',
			patients: 42,
			clock: '2026-11-23'
		});
	});

	it('listens on PORT when DEMO_PMS_PORT is not set, DEMO_PMS_PORT winning when both are', () => {
		const port = (env: Record<string, string>) => {
			const parsed = parseDemoPmsEnv({ DEMO_TODAY: '2026-11-23', ...env });
			return parsed.ok ? parsed.options.port : parsed.problems;
		};
		expect(port({ PORT: '4400' })).toBe(4400);
		expect(port({ PORT: '4400', DEMO_PMS_PORT: '4401' })).toBe(4401);
		expect(port({ PORT: 'x' })).toEqual(['PORT "x" must be a TCP port number from 0 to 65535']);
	});

	it('names each bad variable, and ignores the bridge’s own settings in the same shell', () => {
		const parsed = parseDemoPmsEnv({ DEMO_PMS_PORT: '99999', DEMO_TODAY: 'tomorrow', PMS: 'opendental' });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems).toEqual(['DEMO_PMS_PORT "99999" must be a TCP port number from 0 to 65535', 'DEMO_TODAY must be a date written YYYY-MM-DD']);
	});
});
