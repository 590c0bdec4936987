import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '$lib/server/store/openPostgres';
import type { Sql } from '$lib/server/store/Sql';
import { freePort, startExpectingFailure, startRunningBridge, type RunningBridge } from '../support/runningBridge';
import { paymentId } from '../support/paymentIds';
import { startPostgresServer, type PostgresServer } from '../../support/postgresServer';
import { startRunningDemoPms, type RunningDemoPms } from '../../support/runningDemoPms';
import { practiceDay } from '../../support/practiceDay';

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgresServer();
});
afterAll(async () => {
	await server?.stop();
});

const DONE = ['posted', 'verified'];

function client(bridge: RunningBridge, token: string) {
	return (path: string, init: RequestInit = {}) =>
		fetch(`${bridge.baseUrl}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...((init.headers as Record<string, string>) ?? {}) } });
}

function cash(patientId = '2') {
	return { id: paymentId(), patientId, amount: 4250, method: { kind: 'cash' }, payDate: practiceDay(), takenAt: '2026-11-23T15:04:05.000Z', takenBy: 'Maria' };
}

async function waitForStatus(api: ReturnType<typeof client>, id: string, statuses: string[]): Promise<string> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const { status } = (await (await api(`/payments/${id}`)).json()) as { status: string };
		if (statuses.includes(status) || Date.now() > deadline) return status;
		await new Promise((r) => setTimeout(r, 150));
	}
}

describe('the bridge with DATABASE_URL', () => {
	let bridge: RunningBridge;
	let db: Sql;
	beforeAll(async () => {
		const url = await server.createDatabase('one_bridge');
		bridge = await startRunningBridge({ DATABASE_URL: url });
		db = await openPostgres(url);
	});
	afterAll(async () => {
		await bridge?.stop();
		await db?.close();
	});

	it('keeps its journal in that PostgreSQL database, not in DATA_DIR', async () => {
		expect((await db.query<{ n: number }>(`SELECT count(*) AS n FROM schema_migration`))[0]?.n).toBeGreaterThanOrEqual(3);
		expect(existsSync(join(bridge.dataDir, 'bridge'))).toBe(false);
		// The demo practice is still the bridge's own embedded PMS, beside it in DATA_DIR.
		expect(existsSync(join(bridge.dataDir, 'demo-pms'))).toBe(true);
	});

	it('pairs a device, journals a cash payment and posts it to the demo practice, all through PostgreSQL', async () => {
		const api = client(bridge, await bridge.pairDevice('Front desk'));
		expect((await db.query(`SELECT name FROM device`)).map((r) => r.name)).toContain('Front desk');
		const payment = cash();
		const response = await api('/payments', { method: 'POST', body: JSON.stringify({ payments: [payment] }) });
		expect(response.status).toBe(200);
		expect(DONE).toContain(await waitForStatus(api, payment.id, DONE));
		const [row] = await db.query<{ amount: number; status: string; received_at: Date }>(`SELECT amount, status, received_at FROM payment WHERE id = $1`, [payment.id]);
		expect(row).toMatchObject({ amount: 4250, status: expect.stringMatching(/^(posted|verified)$/) });
		expect(row?.received_at).toBeInstanceOf(Date);
		const events = await db.query<{ seq: number; status: string }>(`SELECT seq, status FROM payment_event WHERE payment_id = $1 ORDER BY seq`, [payment.id]);
		expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['accepted', 'posting', 'posted']));
		expect(events.every((e) => typeof e.seq === 'number')).toBe(true);
	});
});

describe('two bridges on one PostgreSQL database and one stand-alone demo PMS', () => {
	let demo: RunningDemoPms;
	let a: RunningBridge;
	let b: RunningBridge;
	beforeAll(async () => {
		demo = await startRunningDemoPms(await freePort());
		const url = await server.createDatabase('two_bridges');
		// Started at the same moment: they must not trip over each other migrating the database.
		[a, b] = await Promise.all([startRunningBridge({ DATABASE_URL: url, ...demo.bridgeEnv }), startRunningBridge({ DATABASE_URL: url, ...demo.bridgeEnv })]);
	});
	afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
		await demo?.stop();
	});

	it('share devices and payments: a device paired on one is known to the other, and so is its payment', async () => {
		const token = await a.pairDevice('Checkout iPad');
		const onA = client(a, token);
		const onB = client(b, token);
		const patients = await onB('/patients');
		expect(patients.status).toBe(200);
		const payment = cash();
		expect((await onA('/payments', { method: 'POST', body: JSON.stringify({ payments: [payment] }) })).status).toBe(200);
		// Sent again to the other bridge (a retry that went elsewhere): the same payment, once.
		const again = (await (await onB('/payments', { method: 'POST', body: JSON.stringify({ payments: [payment] }) })).json()) as { results: { outcome: string }[] };
		expect(again.results.map((r) => r.outcome)).toEqual(['duplicate']);
		expect(DONE).toContain(await waitForStatus(onB, payment.id, DONE));
	});
});

describe('a DATABASE_URL that cannot be used', () => {
	it('stops the bridge with a message naming DATABASE_URL and hiding its password', async () => {
		const port = await freePort();
		const { code, output } = await startExpectingFailure({ PORT: String(await freePort()), DATABASE_URL: `postgres://paysplit:s3cret-Passw0rd@127.0.0.1:${port}/paysplit` });
		expect(code).toBe(1);
		expect(output).toContain(`DATABASE_URL: PostgreSQL at postgres://paysplit:***@127.0.0.1:${port}/paysplit refused the connection`);
		expect(output).not.toContain('s3cret');
	});
});
