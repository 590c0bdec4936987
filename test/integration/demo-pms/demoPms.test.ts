import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { createDemoPms, DEMO_KEYS, type DemoPms } from '$lib/server/demo-pms/createDemoPms';

const TODAY = '2026-11-23';
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T15:00:00Z`) };
const auth = { authorization: `ODFHIR ${DEMO_KEYS.developerKey}/${DEMO_KEYS.customerKey}` };

let sql: Sql;
let demo: DemoPms;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = auth) {
	const request = new Request(`http://demo.test/api/v1${path}`, {
		method,
		headers: { ...headers, 'content-type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
	const response = await demo.api(request, path.split('?')[0] ?? path);
	return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
	sql = await openPglite(undefined);
	demo = await createDemoPms(sql, clock);
});
afterAll(async () => {
	await sql.close();
});

describe('demo PMS seed', () => {
	it('seeds a believable practice: ≥3 providers, 2 clinics, ≥40 patients in ≥15 families', async () => {
		expect(demo.seeded).toBe(true);
		const providers = (await call('GET', '/providers')).body;
		const clinics = (await call('GET', '/clinics')).body;
		const patients = (await call('GET', '/patients/Simple')).body as { PatNum: number; Guarantor: number }[];
		expect(providers.length).toBeGreaterThanOrEqual(3);
		expect(clinics).toHaveLength(2);
		expect(patients.length).toBeGreaterThanOrEqual(40);
		expect(new Set(patients.map((p) => p.Guarantor)).size).toBeGreaterThanOrEqual(15);
	});

	it('has two years of completed procedures, insurance estimates and payments, write-offs, adjustments both ways, and prior payments split and unsplit', async () => {
		const procs = (await call('GET', '/procedurelogs')).body as { ProcDate: string; ProcStatus: string }[];
		const complete = procs.filter((p) => p.ProcStatus === 'C');
		const dates = complete.map((p) => p.ProcDate).sort();
		expect(complete.length).toBeGreaterThan(100);
		expect(dates[0]! < '2025-01-15').toBe(true);
		expect(dates.at(-1)! > '2026-10-01').toBe(true);
		const claimprocs = (await call('GET', '/claimprocs')).body as { Status: string; WriteOff: number; WriteOffEst: number }[];
		expect(claimprocs.some((c) => c.Status === 'NotReceived')).toBe(true);
		expect(claimprocs.some((c) => c.Status === 'Received' && c.WriteOff > 0)).toBe(true);
		const adjustments = (await call('GET', '/adjustments')).body as { AdjAmt: number; ProcNum: number }[];
		expect(adjustments.some((a) => a.AdjAmt > 0)).toBe(true);
		expect(adjustments.some((a) => a.AdjAmt < 0)).toBe(true);
		const splits = (await call('GET', '/paysplits')).body as { ProcNum: number; UnearnedType: number }[];
		expect(splits.some((s) => s.ProcNum !== 0)).toBe(true);
		expect(splits.some((s) => s.ProcNum === 0)).toBe(true);
	});

	it('is deterministic: the same day seeds the same rows', async () => {
		const other = await openPglite(undefined);
		try {
			const again = await createDemoPms(other, clock);
			const path = '/procedurelogs';
			const a = await (await demo.api(new Request(`http://d/api/v1${path}`, { headers: auth }), path)).text();
			const b = await (await again.api(new Request(`http://d/api/v1${path}`, { headers: auth }), path)).text();
			expect(a.replace(/"DateTStamp":"[^"]*"/g, '')).toBe(b.replace(/"DateTStamp":"[^"]*"/g, ''));
		} finally {
			await other.close();
		}
	});
});

describe('demo PMS API', () => {
	it('refuses a missing or wrong ODFHIR authorization with 401', async () => {
		expect((await call('GET', '/patients/Simple', undefined, {})).status).toBe(401);
		expect((await call('GET', '/patients/Simple', undefined, { authorization: 'ODFHIR wrong/keys' })).status).toBe(401);
	});

	it('pages with Limit and Offset', async () => {
		const first = (await call('GET', '/patients/Simple?Limit=10')).body as { PatNum: number }[];
		const second = (await call('GET', '/patients/Simple?Limit=10&Offset=10')).body as { PatNum: number }[];
		expect(first).toHaveLength(10);
		expect(second[0]!.PatNum).toBeGreaterThan(first.at(-1)!.PatNum);
	});

	it('POST /payments with isPrepayment makes one unearned split of the prepayment type and answers 201 with the payment', async () => {
		const prefs = (await call('GET', '/preferences?PrefName=PrepaymentUnearnedType')).body as { ValueString: string }[];
		const created = await call('POST', '/payments', { PayAmt: '45.50', PatNum: 1, PayNote: 'Paysplit test-1', isPrepayment: 'true', PayDate: TODAY });
		expect(created.status).toBe(201);
		expect(created.body.PayAmt).toBe('45.50');
		expect(created.body.PaymentSource).toBe('API');
		const splits = (await call('GET', `/paysplits?PayNum=${created.body.PayNum}`)).body as { SplitAmt: number; UnearnedType: number; ProvNum: number; ProcNum: number }[];
		expect(splits).toHaveLength(1);
		expect(splits[0]).toMatchObject({ SplitAmt: 45.5, UnearnedType: Number(prefs[0]!.ValueString), ProvNum: 0, ProcNum: 0 });
	});

	it('POST /payments refuses what Open Dental refuses, and writes nothing', async () => {
		const before = ((await call('GET', '/payments')).body as unknown[]).length;
		expect((await call('POST', '/payments', { PatNum: 1 })).body).toBe('PayAmt is required.');
		expect((await call('POST', '/payments', { PayAmt: 10 })).status).toBe(400);
		expect((await call('POST', '/payments', { PayAmt: 10, PatNum: 99999 })).status).toBe(404);
		expect((await call('POST', '/payments', { PayAmt: 10.001, PatNum: 1 })).status).toBe(400);
		expect((await call('POST', '/payments', { PayAmt: 10, PatNum: 1, PayType: 9999 })).status).toBe(400);
		expect((await call('POST', '/payments', { PayAmt: 10, PatNum: 1, PayDate: '2099-01-01' })).status).toBe(400);
		expect(((await call('GET', '/payments')).body as unknown[]).length).toBe(before);
	});

	it('POST /payments without isPrepayment splits to the family’s oldest charges and the splits sum to the amount', async () => {
		const created = await call('POST', '/payments', { PayAmt: 300, PatNum: 2 });
		expect(created.status).toBe(201);
		const splits = (await call('GET', `/paysplits?PayNum=${created.body.PayNum}`)).body as { SplitAmt: number }[];
		const total = splits.reduce((sum, s) => sum + Math.round(s.SplitAmt * 100), 0);
		expect(total).toBe(30000);
	});

	it('PUT /payments changes only what Open Dental allows', async () => {
		const created = await call('POST', '/payments', { PayAmt: 5, PatNum: 1, isPrepayment: true });
		const updated = await call('PUT', `/payments/${created.body.PayNum}`, { ProcessStatus: 'OnlinePending', PayNote: 'changed' });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ ProcessStatus: 'OnlinePending', PayNote: 'changed', PayAmt: '5.00' });
		expect((await call('PUT', `/payments/${created.body.PayNum}`, { ProcessStatus: 'OfficeProcessed' })).status).toBe(400);
		expect((await call('PUT', '/payments/999999', { PayNote: 'x' })).status).toBe(404);
	});

	it('POST /commlogs writes a note on the patient', async () => {
		const created = await call('POST', '/commlogs', { PatNum: 1, Note: 'Paysplit: payment of $45.50', commType: 'Financial' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ PatNum: 1, commType: 'Financial', Mode_: 'Phone', SentOrReceived: 'Sent' });
		expect((await call('POST', '/commlogs', { PatNum: 1 })).body).toBe('Note is required.');
	});
});
