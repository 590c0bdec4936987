import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDemoNexhealthEnv, serveDemoNexhealth, type DemoNexhealthServeOptions } from '$lib/server/demo-nexhealth/serveDemoNexhealth';
import { nexhealthRecorder } from '../../support/nexhealthOpenApi';
import { startRunningDemoNexhealth } from '../../support/runningDemoNexhealth';
import { freePort } from '../support/runningBridge';

/** `npm run demo-nexhealth`: the fake alone over HTTP, its settings, and what survives a restart. */
const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the stand-alone NexHealth fake', () => {
	it('reads DEMO_EMR, DEMO_NEXHEALTH_PORT, DEMO_SYNC_SECONDS and the shared settings, naming each variable it refuses', () => {
		const ok = parseDemoNexhealthEnv({ DEMO_EMR: 'Eaglesoft', DATA_DIR: '/tmp/x', DEMO_TODAY: '2026-11-23', DEMO_SYNC_SECONDS: '0.5', PMS: 'opendental' });
		expect(ok.ok && { ...ok.options, clock: ok.options.clock.today() }).toEqual({ emr: 'eaglesoft', port: 30_300, host: '127.0.0.1', dataDir: '/tmp/x/demo-nexhealth-standalone', patients: 42, syncSeconds: 0.5, timeZone: 'America/New_York', clock: '2026-11-23' });
		expect(parseDemoNexhealthEnv({}).ok && (parseDemoNexhealthEnv({}) as { options: DemoNexhealthServeOptions }).options.emr).toBe('dentrix');
		const refused = parseDemoNexhealthEnv({ DEMO_EMR: 'fuse', DEMO_NEXHEALTH_PORT: '70000', DEMO_SYNC_SECONDS: '-1', PRACTICE_TZ: 'Mars/Olympus' });
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.problems).toEqual([
			expect.stringMatching(/^DEMO_EMR "fuse": NexHealth does not sync Fuse/),
			expect.stringMatching(/^DEMO_NEXHEALTH_PORT "70000" must be a TCP port number/),
			expect.stringMatching(/^DEMO_SYNC_SECONDS "-1" must be a number of seconds/),
			expect.stringMatching(/PRACTICE_TZ must be an IANA time zone/)
		]);
		expect(parseDemoNexhealthEnv({ DEMO_EMR: 'opendental' })).toEqual({ ok: false, problems: [expect.stringMatching(/DEMO_EMR "opendental" is served by the demo PMS \(npm run demo-pms\)/)] });
		expect(parseDemoNexhealthEnv({ DEMO_EMR: 'softdent' })).toEqual({ ok: false, problems: ['DEMO_EMR "softdent" is not a PMS this NexHealth fake stands for: set it to dentrix or eaglesoft'] });
	});

	it('serves NexHealth over HTTP, loses the 202 on a dropped connection, and lands after a restart what it accepted before', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'paysplit-nexfake-'));
		dirs.push(dataDir);
		const options: DemoNexhealthServeOptions = { emr: 'dentrix', port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'demo-nexhealth-standalone'), patients: 12, syncSeconds: 3600, timeZone: 'America/Chicago', clock: { today: () => '2026-11-23', now: () => new Date() } };
		let running = await serveDemoNexhealth(options);
		const recorder = nexhealthRecorder((input, init) => fetch(input, init));
		const authenticate = async () => ((await (await recorder.fetch(`${running.url}/authenticates`, { method: 'POST', headers: { authorization: running.keys.apiKey } })).json()) as { data: { token: string } }).data.token;
		const headers = async () => ({ authorization: `Bearer ${await authenticate()}`, 'nex-api-version': 'v3.0.0', 'content-type': 'application/json' });
		const scope = `subdomain=${running.keys.subdomain}&location_id=${running.keys.locationId}`;
		try {
			expect(running.seeded).toBe(true);
			const patients = await recorder.fetch(`${running.url}/patients?${scope}&per_page=1000`, { headers: await headers() });
			const body = (await patients.json()) as { count: number; data: { id: number }[] };
			expect(body.count).toBe(12);
			const [type] = ((await (await recorder.fetch(`${running.url}/payment_types?${scope}`, { headers: await headers() })).json()) as { data: { id: number }[] }).data;
			const payment = { payment: { patient_id: body.data[0]!.id, amount: -64, payment_type_id: type!.id, transaction_id: 'PAYSPLIT:restart' } };
			await fetch(`${running.url}/_demo/faults`, { method: 'PUT', headers: { authorization: running.keys.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ faults: [{ on: 'POST /payments', kind: 'drop_after_commit' }] }) });
			await expect(recorder.fetch(`${running.url}/payments?${scope}`, { method: 'POST', headers: await headers(), body: JSON.stringify(payment) })).rejects.toThrow(/fetch failed/);
			await running.stop();
			running = await serveDemoNexhealth({ ...options, syncSeconds: 0.1 });
			expect(running.seeded).toBe(false);
			const h = await headers();
			let rows: unknown[] = [];
			for (let i = 0; i < 100 && rows.length === 0; i++) {
				await new Promise((r) => setTimeout(r, 50));
				rows = ((await (await recorder.fetch(`${running.url}/payments?${scope}&transaction_id=PAYSPLIT:restart`, { headers: h })).json()) as { data: unknown[] }).data;
			}
			expect(rows).toMatchObject([{ transaction_id: 'PAYSPLIT:restart', payment_amount: { amount: '-64.00' } }]);
			recorder.assertNoProblems();
			await running.stop();
			await expect(serveDemoNexhealth({ ...options, emr: 'eaglesoft' })).rejects.toThrow(/holds a dentrix practice, not eaglesoft/);
		} finally {
			await running.stop().catch(() => undefined);
		}
	});

	it('runs alone as `npm run demo-nexhealth` (the build), printing the one line of settings for a bridge', async () => {
		const port = await freePort();
		const demo = await startRunningDemoNexhealth(port, { DEMO_PATIENTS: '8' });
		try {
			expect(demo.bridgeEnv).toEqual({ NEXHEALTH_URL: `http://127.0.0.1:${port}`, NEXHEALTH_API_KEY: 'paysplit-demo-nexhealth-key', NEXHEALTH_SUBDOMAIN: 'riverside-family-dental-demo', NEXHEALTH_LOCATION_ID: '4312' });
			expect(demo.output()).toMatch(/Demo NexHealth \(a Dentrix practice, NexHealth API v20240412\) listening on/);
			const answer = await fetch(`${demo.bridgeEnv.NEXHEALTH_URL}/authenticates`, { method: 'POST', headers: { authorization: demo.bridgeEnv.NEXHEALTH_API_KEY! } });
			expect(answer.status).toBe(201);
			await expect(startRunningDemoNexhealth(port)).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is taken.*DEMO_NEXHEALTH_PORT`));
		} finally {
			await demo.stop();
		}
	});
});
