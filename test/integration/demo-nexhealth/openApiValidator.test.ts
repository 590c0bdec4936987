import { describe, expect, it } from 'vitest';
import { checkRequest, checkResponse, KNOWN_GAPS, nexhealthRecorder, type ExchangeRequest } from '../../support/nexhealthOpenApi';

/**
 * The validator the fake and the connector are held to must itself catch what breaks NexHealth's
 * document, and let through only the gaps it names.
 */
const BASE = 'https://nexhealth.info';
const headers = (extra: Record<string, string> = {}) => new Headers({ authorization: 'Bearer t', 'nex-api-version': 'v3.0.0', ...extra });
const get = (path: string, extra: Record<string, string> = {}): ExchangeRequest => ({ method: 'GET', url: `${BASE}${path}`, headers: headers(extra), body: null });
const json = (status: number, body: unknown, type = 'application/json') => ({ status, headers: new Headers({ 'content-type': type }), body: JSON.stringify(body) });
const payment = { id: 70_001, foreign_id: '1', location_id: 4312, patient_id: 1001, guarantor_id: 1001, provider_id: 201, updated_at: '2026-11-23T15:00:00.000Z', deleted_at: null, payment_amount: { amount: '-125.00', currency: 'USD' }, paid_at: '2026-11-23', transaction_id: 'PAYSPLIT:x', charge_id: null, claim_id: null, payment_plan_id: null, insurance_plan_id: null, payment_type_id: 11 };
const list = (data: unknown[]) => ({ code: true, description: 'Success', data, error: [], count: data.length, page_info: { has_previous_page: false, has_next_page: false, start_cursor: null, end_cursor: null } });
const post = (body: unknown, query = '?subdomain=demo&location_id=4312'): ExchangeRequest => ({ method: 'POST', url: `${BASE}/payments${query}`, headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });

describe("NexHealth's OpenAPI document as a validator", () => {
	it('passes a well-formed GET /payments and its answer', () => {
		const request = get('/payments?subdomain=demo&location_id=4312&transaction_id=PAYSPLIT:x&per_page=5');
		expect(checkRequest(request)).toEqual([]);
		expect(checkResponse(request, json(200, list([payment])))).toEqual([]);
	});

	it('names a missing required query parameter, an undocumented one, a wrong type and a missing version header', () => {
		expect(checkRequest(get('/payments?location_id=4312'))).toEqual(['GET /payments: query parameter subdomain is required']);
		expect(checkRequest(get('/payments?subdomain=demo&location_id=4312&txn=1'))).toEqual(['GET /payments: query parameter txn is not documented for this operation']);
		expect(checkRequest(get('/payments?subdomain=demo&location_id=here'))[0]).toMatch(/location_id must be integer/);
		expect(checkRequest(get('/payments?subdomain=demo&location_id=99999999999'))[0]).toMatch(/location_id must match format "int32"/);
		const noVersion: ExchangeRequest = { method: 'GET', url: `${BASE}/payments?subdomain=demo&location_id=1`, headers: new Headers({ authorization: 'Bearer t' }), body: null };
		expect(checkRequest(noVersion)).toEqual(['GET /payments: header parameter Nex-Api-Version is required']);
		expect(checkRequest(get('/payments?subdomain=demo&location_id=1', { 'nex-api-version': 'v2' }))[0]).toMatch(/"v2" is not v3.0.0 or v20240412/);
		expect(checkRequest(get('/appointmentz'))).toEqual(['GET /appointmentz: no such operation in NexHealth\'s document']);
	});

	it('checks a POST /payments body against postPayments: required fields, a number amount, a date-time paid_at', () => {
		expect(checkRequest(post({ payment: { patient_id: 1, amount: -138, transaction_id: 'API:1', payment_type_id: 10, paid_at: '2024-05-20T21:00:00+00:00', charge_splits: { '5': -38 } } }))).toEqual([]);
		const problems = checkRequest(post({ payment: { patient_id: '1', amount: '-138.00', paid_at: 'today' } }));
		expect(problems).toEqual(
			expect.arrayContaining([expect.stringMatching(/body\/payment must have required property 'transaction_id'/), expect.stringMatching(/payment\/amount must be number/), expect.stringMatching(/payment\/patient_id must be integer/), expect.stringMatching(/paid_at must match format "date-time"/)])
		);
		expect(checkRequest({ ...post({ payment: {} }), headers: headers({ 'content-type': 'text/plain' }) })[0]).toMatch(/must be sent as application\/json/);
		// The document says so in words, not in the schema: "Max length is 50 characters".
		expect(checkRequest(post({ payment: { patient_id: 1, amount: -1, transaction_id: 'x'.repeat(51) } }))).toEqual(['POST /payments: body/payment/transaction_id is 51 characters; the document allows 50 ("Max length is 50 characters")']);
	});

	it('refuses an answer that breaks its schema or has a status the operation does not document', () => {
		const request = get('/payments?subdomain=demo&location_id=4312&patient_id=1');
		expect(checkResponse(request, json(200, list([{ ...payment, payment_amount: { amount: -125 } }])))[0]).toMatch(/payment_amount\/amount must be string/);
		expect(checkResponse(request, json(200, list([{ ...payment, paid_at: '2026-11-23T10:00:00Z' }])))[0]).toMatch(/paid_at must match format "date"/);
		expect(checkResponse(request, json(200, list([{ ...payment, patient_id: 'x' }])))[0]).toMatch(/patient_id must be integer/);
		expect(checkResponse(request, json(418, { code: false }))[0]).toMatch(/status 418 is not documented/);
		expect(checkResponse(request, json(400, { code: false, data: null, error: ['x'] }))[0]).toMatch(/data must be object/);
		expect(checkResponse(request, { status: 200, headers: new Headers({ 'content-type': 'text/html' }), body: '<html>' })[0]).toMatch(/answered as "text\/html"/);
		const accepted = post({ payment: { patient_id: 1, amount: -1, transaction_id: 'x' } });
		expect(checkResponse(accepted, { status: 202, headers: new Headers(), body: '' })).toEqual([]);
		expect(checkResponse(accepted, json(202, { code: true }))[0]).toMatch(/documents no body/);
	});

	it(`allows the document's known gaps by name, and only them: ${Object.keys(KNOWN_GAPS).join(', ')}`, () => {
		const error = { code: false, description: 'x', data: {}, error: ['x'] };
		// undocumented429: on any operation, with the error envelope.
		expect(checkResponse(get('/charges?subdomain=d&location_id=1&patient_id=1'), json(429, error))).toEqual([]);
		expect(checkResponse(get('/charges?subdomain=d&location_id=1&patient_id=1'), json(429, { code: false, data: [] }))).not.toEqual([]);
		// vendorMediaType: v3 JSON where the document says application/vnd.Nexhealth+json;version=2.
		const auth: ExchangeRequest = { method: 'POST', url: `${BASE}/authenticates`, headers: new Headers({ authorization: 'key' }), body: null };
		expect(checkResponse(auth, json(201, { code: true, description: 'Authenticated', data: { token: 't' }, error: [] }))).toEqual([]);
		expect(checkResponse(get('/sync_status'), json(200, { code: true, data: [], error: [] }))).toEqual([]);
		// undocumented404: on the ledger singles only.
		expect(checkResponse(get('/payments/1?subdomain=d'), json(404, error))).toEqual([]);
		expect(checkResponse(get('/payments?subdomain=d&location_id=1&patient_id=1'), json(404, error))[0]).toMatch(/status 404 is not documented/);
		// guarantorBalanceSubdomain: `subdomain` on GET /guarantor_balances/{id}, not other unknown parameters.
		expect(checkRequest(get('/guarantor_balances/1001?subdomain=d'))).toEqual([]);
		expect(checkRequest(get('/guarantor_balances/1001?location_id=1'))[0]).toMatch(/location_id is not documented/);
	});

	it('records every exchange of a fetch and asserts that none broke the document', async () => {
		const recorder = nexhealthRecorder(async () => new Response(JSON.stringify({ code: true, data: [{ id: 'one' }], error: [] }), { headers: { 'content-type': 'application/json' } }));
		await recorder.fetch(`${BASE}/payment_types?subdomain=d&location_id=1`, { headers: headers() });
		expect(recorder.exchanges).toHaveLength(1);
		expect(() => recorder.assertNoProblems()).toThrow(/data\/0\/id must be integer/);
		const dropped = nexhealthRecorder(async () => {
			throw new TypeError('fetch failed');
		});
		await expect(dropped.fetch(`${BASE}/payment_types?subdomain=d&location_id=1`, { headers: headers() })).rejects.toThrow('fetch failed');
		expect(dropped.exchanges[0]?.error).toBe('fetch failed');
		expect(dropped.problems()).toEqual([]);
	});
});
