import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { createDemoPms, DEMO_KEYS } from '$lib/server/demo-pms/createDemoPms';
import { serveFetchHandler } from '$lib/server/http/serveFetchHandler';
import { createOpenDentalConnector } from '$lib/server/connectors/opendental/createOpenDentalConnector';
import type { PmsConnector } from '$lib/server/connectors/PmsConnector';
import { freePort } from '../support/runningBridge';

const TODAY = '2026-11-23';
let sql: Sql;
let server: Server;
let baseUrl: string;
let connector: PmsConnector;

beforeAll(async () => {
	sql = await openPglite(undefined);
	const demo = await createDemoPms(sql, { today: () => TODAY, now: () => new Date() });
	server = serveFetchHandler((request) => demo.api(request, new URL(request.url).pathname.replace(/^\/api\/v1/, '')));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
	connector = createOpenDentalConnector({ baseUrl, ...DEMO_KEYS, fetch: (input, init) => fetch(input, init) });
});
afterAll(async () => {
	await new Promise((r) => server.close(r));
	await sql.close();
});

describe('the Open Dental connector over HTTP, against the demo PMS', () => {
	it('reads every patient, family ledger, payment type and preference', async () => {
		const practice = await connector.readPractice();
		expect(practice.ok).toBe(true);
		if (!practice.ok) return;
		const { patients, families, paymentTypes, preferences, providers, clinics } = practice.value;
		expect(patients.length).toBeGreaterThanOrEqual(40);
		expect(families.length).toBe(new Set(patients.map((p) => p.guarantorId)).size);
		expect(families.flatMap((f) => f.ledger.patients).length).toBe(patients.length);
		expect(families.some((f) => f.ledger.procedures.some((p) => p.claims.some((c) => c.status === 'received')))).toBe(true);
		expect(paymentTypes.map((t) => t.name)).toEqual(expect.arrayContaining(['Cash', 'Check', 'Credit Card']));
		expect(paymentTypes.map((t) => t.name)).not.toContain('Old Check (unused)');
		expect(providers.length).toBeGreaterThanOrEqual(3);
		expect(clinics).toHaveLength(2);
		expect(preferences).toMatchObject({ subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, clinicsEnabled: true, order: 'oldest_first' });
	});

	it('pages through lists longer than one page', async () => {
		// The demo answers at most 1000 rows a request; the practice has fewer procedures, so force
		// small pages through a fetch that caps Limit as Open Dental's remote API does (100).
		const small = createOpenDentalConnector({
			baseUrl,
			...DEMO_KEYS,
			fetch: (input, init) => {
				const url = new URL(input);
				if (!url.searchParams.has('Limit')) url.searchParams.set('Limit', '7');
				return fetch(url, init);
			}
		});
		const [a, b] = await Promise.all([small.readPractice(), connector.readPractice()]);
		expect(a.ok && b.ok).toBe(true);
		if (a.ok && b.ok) expect(JSON.stringify(a.value)).toBe(JSON.stringify(b.value));
	});

	it('posts a payment only (one unearned split), finds it by reference, and reads its splits', async () => {
		const paymentId = '01a207cc-5eed-776f-94b3-000000000001';
		const posted = await connector.postPayment({ paymentId, patientId: '1', amount: 3333 as never, payDate: TODAY, paymentTypeId: '2', clinicId: null, description: 'cash', mode: 'post_only', splits: [] });
		expect(posted.ok).toBe(true);
		if (!posted.ok || posted.value.kind !== 'written') throw new Error('not written');
		const [row] = posted.value.payments;
		expect(row).toMatchObject({ patientId: '1', amount: 3333, payDate: TODAY, paymentTypeId: '2', note: `Paysplit ${paymentId} · cash` });
		const found = await connector.findPayments({ paymentId, patientId: '1' });
		expect(found.ok && found.value.map((p) => p.pmsPaymentId)).toEqual([row!.pmsPaymentId]);
		// A payment whose id merely starts the same is not ours.
		const other = await connector.findPayments({ paymentId: '01a207cc-5eed-776f-94b3-00000000000', patientId: '1' });
		expect(other.ok && other.value).toEqual([]);
		const splits = await connector.readSplits(row!.pmsPaymentId);
		expect(splits.ok && splits.value).toEqual([{ patientId: '1', providerId: null, clinicId: expect.any(String), amount: 3333, unearnedType: expect.any(String) }]);
	});

	it('reports the PMS refusing a payment as `refused`, with Open Dental’s message', async () => {
		const result = await connector.postPayment({ patientId: '999999', amount: 100 as never, payDate: TODAY, paymentTypeId: '2', clinicId: null, paymentId: '01a207cc-5eed-776f-94b3-000000000002', description: 'x', mode: 'post_only', splits: [] });
		expect(result).toEqual({ ok: false, failure: { kind: 'refused', status: 404, message: 'Patient not found.' } });
	});

	it('reports wrong keys as `unauthorized`', async () => {
		const wrong = createOpenDentalConnector({ baseUrl, developerKey: 'x', customerKey: 'y', fetch: (i, init) => fetch(i, init) });
		const result = await wrong.readPractice();
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.failure.kind).toBe('unauthorized');
	});

	it('reports a PMS that does not listen as `unreachable`, for reads and for writes that were never sent', async () => {
		const port = await freePort();
		const down = createOpenDentalConnector({ baseUrl: `http://127.0.0.1:${port}/api/v1`, ...DEMO_KEYS, fetch: (i, init) => fetch(i, init) });
		const read = await down.readPractice();
		const write = await down.postPayment({ patientId: '1', amount: 100 as never, payDate: TODAY, paymentTypeId: '2', clinicId: null, paymentId: '01a207cc-5eed-776f-94b3-000000000002', description: 'x', mode: 'post_only', splits: [] });
		expect(!read.ok && read.failure.kind).toBe('unreachable');
		expect(!write.ok && write.failure.kind).toBe('unreachable');
	});

	it('reports a write whose answer never came as `unknown` (it may have been applied)', async () => {
		const slow = createOpenDentalConnector({ baseUrl, ...DEMO_KEYS, timeoutMs: 1, fetch: async (i, init) => {
			await new Promise((r) => setTimeout(r, 20));
			return fetch(i, init);
		} });
		const write = await slow.postPayment({ patientId: '1', amount: 100 as never, payDate: TODAY, paymentTypeId: '2', clinicId: null, paymentId: '01a207cc-5eed-776f-94b3-000000000002', description: 'x', mode: 'post_only', splits: [] });
		expect(!write.ok && write.failure.kind).toBe('unknown');
	});
});

describe('reading one family', () => {
	it('reads the same family as the whole-practice read, and null for a guarantor who is not one', async () => {
		const practice = await connector.readPractice();
		if (!practice.ok) throw new Error(practice.failure.message);
		const family = practice.value.families.find((f) => f.ledger.patients.length > 2)!;
		const one = await connector.readFamily(family.guarantorId);
		expect(one.ok && one.value?.ledger).toEqual(family.ledger);
		expect(one.ok && one.value?.patients.map((p) => p.id).sort()).toEqual(family.ledger.patients.map((p) => p.id).sort());
		const member = family.ledger.patients.find((p) => p.id !== family.guarantorId)!;
		expect(await connector.readFamily(member.id)).toEqual({ ok: true, value: null });
	});
});
