import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkResponse, type ExchangeRequest } from '../../support/nexhealthOpenApi';
import { startNexFake, type NexFake } from '../../support/demoNexhealth';
import { hostileRawBody, hostileText, hostileValue, mutated } from '../fuzz/hostileInput';

/**
 * Issue 13 for the NexHealth fake: whatever a caller sends — in the query, the path, the headers or
 * the body — the answer is NexHealth's envelope with a status under 500, documented for the operation
 * (or one of the document's known gaps), and a refused write queues nothing. Seeded (FUZZ_SEED to try
 * another): fast-check prints the seed and the shrunk request on failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_412);
let fake: NexFake;
let token: string;
const tally = { requests: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
	fake = await startNexFake({ emr: 'dentrix', syncSeconds: 3600 });
	token = await fake.authenticate();
});
afterAll(async () => {
	console.log(`NexHealth fake, hostile input (seed ${SEED}): ${tally.requests} requests; by status ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort(([a], [b]) => a - b)))}`);
	await fake.close();
});

type Sent = { method: string; target: string; headers?: Record<string, string>; body?: string };

/** One request straight to the fake (not the recorder: these break the document on purpose), its answer checked. */
async function send({ method, target, headers = {}, body }: Sent): Promise<{ status: number; json: any }> {
	const request = new Request(`http://fake.test${target}`, { method, headers: { authorization: `Bearer ${token}`, 'nex-api-version': 'v3.0.0', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { body }) });
	const seen: ExchangeRequest = { method, url: request.url, headers: new Headers(request.headers), body: body ?? null };
	const response = await fake.demo.api(request);
	const text = await response.text();
	tally.requests += 1;
	tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
	const what = `${method} ${target.slice(0, 200)} ${body?.slice(0, 200) ?? ''} → ${response.status} ${text.slice(0, 300)}`;
	expect(response.status, what).toBeLessThan(500);
	if (response.status === 202) {
		expect(text, what).toBe('');
		return { status: 202, json: null };
	}
	const json = JSON.parse(text);
	expect(typeof json.code, what).toBe('boolean');
	expect(Array.isArray(json.error) && json.error.every((e: unknown) => typeof e === 'string'), what).toBe(true);
	if (response.status >= 400) expect(json.code === false && json.error.length > 0, what).toBe(true);
	expect(checkResponse(seen, { status: response.status, headers: response.headers, body: text }), what).toEqual([]);
	return { status: response.status, json };
}

const utf8 = new TextEncoder();
const percent = (text: string) => [...utf8.encode(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const NUMBERS = ['-1', '0', '1', '1001', '1e3', '2147483647', '2147483648', '9007199254740993', '99999999999999999999', '1.5', 'NaN', ' 1', '0x10', '１'];
const queryValue = fc.oneof(fc.constantFrom(...NUMBERS), hostileText.map((t) => t.slice(0, 600)), fc.constantFrom('true', 'FALSE', 'yes', '2026-02-30', '2026-11-23T25:00:00Z', '2026-11-23T10:00:00+99:00', '0001-01-01', 'eyJyIjoicGF0aWVudHMiLCJzIjoiaWQiLCJpIjotMX0'));
/** Values an endpoint takes (so that many requests reach the database), hostile ones, and bytes that are not UTF-8. */
const plausible = fc.constantFrom('1001', '1005', '50001', '70001', '11', '5', '1000', '2026-01-01T00:00:00Z', '2026-11-23', 'true', 'false', 'claim_payouts', 'guarantor', 'children', 'updated_at', '-updated_at', 'green', '4312', 'Alvarez', "o'brien", '%_', 'PAYSPLIT:x');
const rawQueryValue = fc.oneof({ weight: 8, arbitrary: plausible.map(percent) }, { weight: 3, arbitrary: queryValue.map(percent) }, { weight: 1, arbitrary: fc.constantFrom('%00', '%FF', '%ED%A0%80', '%', '%zz') });

const READS: Record<string, string[]> = {
	'/patients': ['name', 'email', 'phone_number', 'date_of_birth', 'inactive', 'foreign_id', 'updated_since', 'non_patient', 'sort', 'start_cursor', 'end_cursor', 'per_page'],
	'/patients/1001': ['include[]'],
	'/providers': ['location_id', 'foreign_id', 'inactive', 'updated_since', 'include[]', 'ids[]', 'sort', 'per_page'],
	'/charges': ['patient_id', 'provider_id', 'procedure_id', 'guarantor_id', 'updated_since', 'include_deleted', 'sort', 'include[]', 'start_cursor', 'end_cursor', 'per_page'],
	'/charges/50001': ['include[]'],
	'/adjustments': ['patient_id', 'guarantor_id', 'claim_id', 'charge_id', 'updated_since', 'include_deleted', 'sort', 'per_page'],
	'/payments': ['patient_id', 'guarantor_id', 'charge_id', 'claim_id', 'transaction_id', 'updated_since', 'include_deleted', 'sort', 'start_cursor', 'end_cursor', 'per_page'],
	'/payments/70001': ['include[]'],
	'/payment_types': ['active', 'updated_since', 'per_page', 'end_cursor'],
	'/adjustment_types': ['active', 'updated_since', 'per_page'],
	'/guarantor_balances': ['guarantor_id', 'updated_since', 'show_zero_balances', 'sort', 'per_page'],
	'/guarantor_balances/1001': ['include[]'],
	'/sync_status': ['read_status', 'write_status', 'location_ids[]'],
	'/locations': ['inactive', 'foreign_id']
};

describe('the NexHealth fake under hostile input', () => {
	it('answers every hostile query of every read with its envelope and a documented status below 500', async () => {
		const scope = `subdomain=${fake.scope.subdomain}&location_id=${fake.scope.location_id}`;
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...Object.keys(READS)),
				fc.array(fc.tuple(fc.nat(), rawQueryValue), { minLength: 1, maxLength: 3 }),
				fc.nat(4),
				async (path, params, unscoped) => {
					const names = READS[path]!;
					const query = params.map(([i, value]) => `${encodeURIComponent(names[i % names.length]!)}=${value}`).join('&');
					await send({ method: 'GET', target: `${path}?${unscoped === 0 ? '' : `${scope}&`}${query}` });
				}
			),
			{ seed: SEED, numRuns: 250 }
		);
	});

	it('takes well-typed but hostile values (text with quotes, LIKE wildcards and odd Unicode; ids at the edges) to the database and answers them', async () => {
		const text = fc.oneof(hostileText.map((t) => t.slice(0, 200)), fc.constantFrom("o'brien", '%', '_', '\\', '%_%', "'; DROP TABLE nexhealth.payment; --", 'ALVAREZ', 'e\u0301', '\u00a0Patel'));
		const id = fc.oneof(fc.integer({ min: 1, max: 2_147_483_647 }), fc.constantFrom(1001, 1005, 50_001, 70_001, 90_001, 201, 11, 31, 8001)).map(String);
		const typed: Record<string, fc.Arbitrary<string>> = {
			name: text,
			email: text,
			phone_number: text,
			foreign_id: text,
			transaction_id: text,
			patient_id: id,
			guarantor_id: id,
			provider_id: id,
			charge_id: id,
			claim_id: id,
			procedure_id: id,
			per_page: fc.integer({ min: 1, max: 1000 }).map(String),
			include_deleted: fc.constantFrom('true', 'false'),
			show_zero_balances: fc.constantFrom('true', 'false'),
			updated_since: fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
			sort: fc.constantFrom('updated_at', '-updated_at')
		};
		const lists = ['/patients', '/charges', '/adjustments', '/payments', '/guarantor_balances'];
		let answered = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...lists), fc.dictionary(fc.constantFrom(...Object.keys(typed)), fc.constant(''), { minKeys: 1, maxKeys: 3 }).chain((names) => fc.record(Object.fromEntries(Object.keys(names).map((n) => [n, typed[n]!])))), async (path, params) => {
				const query = new URLSearchParams({ ...fake.scope, location_id: String(fake.scope.location_id), ...params });
				const { status } = await send({ method: 'GET', target: `${path}?${query}` });
				if (status === 200) answered++;
			}),
			{ seed: SEED, numRuns: 200 }
		);
		expect(answered).toBeGreaterThan(60);
	});

	it('answers hostile paths, headers and tokens with 4xx, never a 500', async () => {
		const segment = fc.oneof(fc.constantFrom('abc', '-1', '0', '99999999999999999999', '1e5', '%00', '%FF', '..', '70001%2F1', ''), hostileText.map((t) => percent(t.slice(0, 100))));
		const header = fc.oneof(hostileText.map((t) => t.replace(/[^\t\x20-\x7e\x80-\xff]/g, '').slice(0, 300)), fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer x.y.z', 'v3.0.0 ', 'V3.0.0'));
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('/patients/', '/payments/', '/charges/', '/providers/', '/guarantor_balances/', '/payment_types/', '/nothing/', '/_demo/'), segment, fc.constantFrom('authorization', 'nex-api-version'), header, async (prefix, id, name, value) => {
				await send({ method: 'GET', target: `${prefix}${id}?subdomain=${fake.scope.subdomain}`, headers: { [name]: value } });
			}),
			{ seed: SEED, numRuns: 150 }
		);
	});

	it('refuses every hostile POST /payments body with a 400 and queues nothing; what it accepts is a payment it can land', async () => {
		const template = { payment: { patient_id: 1001, amount: -12.5, currency: 'USD', payment_type_id: 11, transaction_id: 'PAYSPLIT:fuzz', paid_at: '2026-11-23T12:00:00Z', charge_splits: { '50001': -2.5 }, provider_splits: { '201': -1 }, notes: 'fuzz' } };
		const body = fc.oneof({ weight: 4, arbitrary: mutated(template).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: hostileRawBody }, { weight: 1, arbitrary: fc.record({ payment: hostileValue }).map((v) => JSON.stringify(v)) });
		await fc.assert(
			fc.asyncProperty(body, async (text) => {
				const before = (await fake.sql.query<{ n: number }>(`SELECT count(*)::integer AS n FROM nexhealth.write_request`))[0]!.n;
				const answer = await send({ method: 'POST', target: `/payments?subdomain=${fake.scope.subdomain}&location_id=${fake.scope.location_id}`, body: text });
				const after = (await fake.sql.query<{ n: number }>(`SELECT count(*)::integer AS n FROM nexhealth.write_request`))[0]!.n;
				expect(after, text.slice(0, 300)).toBe(answer.status === 202 ? before + 1 : before);
			}),
			{ seed: SEED, numRuns: 250 }
		);
		// Everything it accepted lands: nothing it queued breaks the ledger.
		const queued = (await fake.sql.query<{ n: number }>(`SELECT count(*)::integer AS n FROM nexhealth.write_request WHERE status = 'queued'`))[0]!.n;
		expect(await fake.demo.syncNow()).toBe(queued);
	});

	it('refuses hostile demo controls with a 400', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('/_demo/faults', '/_demo/settings', '/_demo/sync_status'), fc.oneof(mutated({ faults: [{ on: '*', kind: 'error500', times: 1 }], latencyMs: 0, seed: 1, token_ttl_seconds: 60, write: 'red' }).map((v) => JSON.stringify(v)), hostileRawBody), async (path, body) => {
				await send({ method: 'PUT', target: path, headers: { authorization: fake.demo.keys.apiKey }, body });
			}),
			{ seed: SEED, numRuns: 80 }
		);
		for (const path of ['/_demo/faults', '/_demo/sync_status']) await send({ method: 'PUT', target: path, headers: { authorization: fake.demo.keys.apiKey }, body: path.endsWith('faults') ? '{}' : '{"write":"green","read":"green"}' });
	});
});
