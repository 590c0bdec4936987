import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { createDemoPms, DEMO_KEYS, type DemoPms } from '$lib/server/demo-pms/createDemoPms';

/**
 * Issue 13: the demo PMS answers every hostile input with a 4xx in Open Dental's refusal shape (a
 * bare JSON string), never a 500, and a refused write writes nothing. Seeded (FUZZ_SEED to try
 * another): fast-check prints the seed and the shrunk request on failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const TODAY = '2026-11-23';
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T15:00:00Z`) };
const AUTH = `ODFHIR ${DEMO_KEYS.developerKey}/${DEMO_KEYS.customerKey}`;

let sql: Sql;
let demo: DemoPms;
const tally = { requests: 0, serverErrors: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
	sql = await openPglite(undefined);
	demo = await createDemoPms(sql, clock);
});
afterAll(async () => {
	console.log(`hostile input (seed ${SEED}): ${tally.requests} requests, ${tally.serverErrors} answered 5xx; by status ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort(([a], [b]) => a - b)))}`);
	await sql.close();
});

type Body = { text?: string; bytes?: Uint8Array<ArrayBuffer>; contentType?: string };
type Answer = { status: number; body: unknown };

/** One request to the in-process demo PMS, as the embedded connector sends it (demoPmsFetch). */
async function send(method: string, target: string, body?: Body): Promise<Answer> {
	const request = new Request(`http://demo.test/api/v1${target}`, {
		method,
		headers: { authorization: AUTH, ...(body ? { 'content-type': body.contentType ?? 'application/json' } : {}) },
		...(body ? { body: body.bytes ?? body.text ?? '' } : {})
	});
	const path = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
	const response = await demo.api(request, path);
	const text = await response.text();
	tally.requests += 1;
	tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
	if (response.status >= 500) tally.serverErrors += 1;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = { notJson: text.slice(0, 200) };
	}
	return { status: response.status, body: parsed };
}

/** Every answer is a success or an Open Dental refusal: a 4xx whose body is a non-empty JSON string. */
function expectAnswered(answer: Answer, what: string) {
	expect(answer.status, `${what} → ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500);
	if (answer.status >= 400) expect(typeof answer.body === 'string' && answer.body.length > 0, `${what}: refusal body ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(true);
}

/** What a write could change: row counts and the content of the tables the API writes. */
async function fingerprint(): Promise<string> {
	const rows = await sql.query<{ f: string }>(`SELECT concat_ws('|',
		(SELECT count(*) FROM opendental.payment), (SELECT count(*) FROM opendental.paysplit), (SELECT count(*) FROM opendental.commlog),
		(SELECT md5(string_agg(row_to_json(p)::text, ',' ORDER BY "PayNum")) FROM opendental.payment p),
		(SELECT md5(string_agg(row_to_json(c)::text, ',' ORDER BY "CommlogNum")) FROM opendental.commlog c)) AS f`);
	return rows[0]!.f;
}

// ---- hostile pieces ----------------------------------------------------------------------------

const NASTY = ['\u0000', '\ud800', '\udfff', '\udbffA', '\u001b', '\u007f', '\u0085', '\t', '\r\n', '\u2028', '\ufeff', '\u200b', 'e\u0301', '%', '_', '\\', "'", '"', "'; DROP TABLE x;--", '4111 1111 1111 1111', ' ', '١٢٣'];
/** Text with control characters, NULs, lone surrogates, line breaks, SQL and LIKE metacharacters. */
const hostileText = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(''));
const longText = fc.constantFrom(26, 101, 256, 4001, 65_536).map((n) => 'x'.repeat(n));
const NUMBER_TEXTS = ['1e20', '99999999999999999999', '9223372036854775807', '9223372036854775808', '-9223372036854775809', '-1', '-0', '1.5', 'NaN', 'Infinity', '-Infinity', '0x10', '0b1', ' 1', '1 ', '+1', '', '0', '1', '2', '1000', '1001', '32768', '2147483647', '2147483648', '9007199254740991', '9007199254740992', '00000000000000000000000001', '1_000', '１', '١٢'];
/** Numbers written as text: huge, negative, fractional, NaN-ish, other scripts. */
const numberText = fc.oneof(fc.constantFrom(...NUMBER_TEXTS), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), fc.double().map(String), fc.nat(2000).map(String));
/** Numbers as JSON: huge, negative, fractional, beyond 2^53. (NaN and Infinity are sent as raw text below.) */
const hostileNumber = fc.oneof(fc.constantFrom(1e300, -1e300, 1e20, -1, -0, 0, 1.5, 0.001, 2 ** 53, 2 ** 53 + 2, 2 ** 63, Number.MAX_VALUE, 5e-324, 9999999999.99, 10_000_000_000, 0.1 + 0.2), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.nat(100));
/** Any JSON value, with wrong types, arrays for objects and some nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileNumber, hostileText, numberText, fc.boolean(), fc.constant(null), fc.constantFrom('true', 'false', 'TRUE', 'NaN'), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(hostileText, tie('value'), { maxKeys: 3 }))
})).value;

/** A query value as it travels: percent-encoded text, or raw bytes (invalid UTF-8 too) percent-encoded. */
const utf8 = new TextEncoder();
const percent = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const queryValue = fc.oneof(numberText, hostileText, longText).map((text) => percent(utf8.encode(text)));
const rawQueryValue = fc.oneof(queryValue, fc.uint8Array({ maxLength: 8 }).map(percent), fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%C3', '%', '%zz', '2026-02-30', '0000-01-01', '2026-11-23'));

/**
 * A write's fields: plausible values (so that many requests get as far as the database), some
 * required ones at times missing, and up to three fields replaced by anything at all.
 */
function writeFields(plausible: Record<string, fc.Arbitrary<unknown>>, required: string[]): fc.Arbitrary<Record<string, unknown>> {
	const base = fc.oneof({ weight: 4, arbitrary: fc.record(plausible, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(plausible, { requiredKeys: [] }) });
	const overrides = fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom(...Object.keys(plausible)), fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 1, arbitrary: longText }), { minKeys: 1, maxKeys: 3 }));
	return fc.tuple(base, overrides).map(([fields, hostile]) => ({ ...fields, ...hostile }));
}
// In the seeded practice: patients 1–42, payment types 1–4 (5 hidden), commlog types 12–14, procedures 1–591.
// `undefined` leaves the field out (JSON.stringify drops it).
const patNum = fc.oneof(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 45 }).map(String));
const payType = fc.constantFrom(undefined, undefined, 1, 2, 3, 4, 5, 99);
const payDate = fc.constantFrom(undefined, undefined, undefined, TODAY, '2026-01-01', '2099-01-01', '0000-01-01', '2026-02-30', '0001-01-01');
const amount = fc.oneof(fc.integer({ min: -100, max: 100_000 }).map((c) => (c / 100).toFixed(2)), fc.integer({ min: 1, max: 500 }));
const boolText = fc.constantFrom('true', 'false', true, false);
const note = fc.oneof({ weight: 2, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: hostileText });

/** A body: the JSON of `fields` with unknown fields beside them, or a body that is not one. */
function hostileBody(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
	const withUnknown = fc.tuple(fields, fc.dictionary(hostileText, hostileValue, { maxKeys: 2 })).map(([known, unknown]) => ({ ...unknown, ...known }));
	const notUtf8 = withUnknown.chain((value) => {
		const bytes = utf8.encode(JSON.stringify(value));
		return fc.tuple(fc.nat(bytes.length), fc.constantFrom(0xff, 0xc3, 0xed, 0x80, 0xfe)).map(([at, byte]) => ({ bytes: Uint8Array.from([...bytes.slice(0, at), byte, ...bytes.slice(at)]) }));
	});
	return fc.oneof(
		{ weight: 12, arbitrary: withUnknown.map((value) => ({ text: JSON.stringify(value) })) },
		{ weight: 1, arbitrary: fc.constantFrom('[]', '[{}]', 'null', '1', '"x"', 'true', '{', '', '{"a":1,}', "{'a':1}", '{"PayAmt":NaN,"PatNum":1}', '{"PayAmt":Infinity,"PatNum":1}', '{"PatNum":1e400,"PayAmt":1}', '{"PayAmt":1,"PatNum":1,"PayNote":"\\ud800"}').map((text) => ({ text })) },
		{ weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((depth) => ({ text: `{"PatNum":1,"PayAmt":1,"Note":"x","procNums":${'['.repeat(depth)}${']'.repeat(depth)},"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}` })) },
		{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes: Uint8Array.from(bytes) })) },
		{ weight: 1, arbitrary: notUtf8 },
		{ weight: 1, arbitrary: fc.tuple(withUnknown, fc.constantFrom('text/plain', '', 'application/x-www-form-urlencoded', 'application/jsonx', 'multipart/form-data')).map(([value, contentType]) => ({ text: JSON.stringify(value), contentType })) }
	);
}

const paymentFields = writeFields(
	{ PayAmt: amount, PatNum: patNum, PayType: payType, PayDate: payDate, CheckNum: note, BankBranch: note, PayNote: note, ClinicNum: fc.constantFrom(undefined, 0, 1, 2, 3), isPatientPreferred: boolText, isPrepayment: boolText, procNums: fc.array(fc.nat(600), { maxLength: 5 }) },
	['PayAmt', 'PatNum']
);
const paymentUpdateFields = writeFields({ PayType: payType, CheckNum: note, BankBranch: note, PayNote: note, ProcessStatus: fc.constantFrom('OnlineProcessed', 'OnlinePending', 'OfficeProcessed') }, []);
const commlogFields = writeFields(
	{ PatNum: patNum, Note: note, CommDateTime: fc.constantFrom(undefined, undefined, '2026-11-23 10:00:00', '2026-13-45 99:99:99', '0000-01-01 00:00:00', '2026-11-23T10:00:00'), CommType: fc.constantFrom(undefined, 12, 13, 14, 1), commType: fc.constantFrom(undefined, undefined, 'Financial', 'Misc', 'nope'), Mode_: fc.constantFrom(undefined, 'None', 'Phone', 'In Person', 'phone'), SentOrReceived: fc.constantFrom(undefined, 'Sent', 'Received', 'x') },
	['PatNum', 'Note']
);
const faultFields = writeFields({ on: fc.constantFrom('*', 'POST /payments', 'GET /x', 'DELETE /payments'), kind: fc.constantFrom('error500', 'refuse', 'timeout', 'drop_after_commit', 'explode'), times: fc.nat(3), rate: fc.double({ min: 0, max: 1 }), message: note, ms: fc.nat(10) }, ['on', 'kind']);
const faultPlanFields = writeFields({ latencyMs: fc.nat(10), seed: fc.nat(), faults: fc.array(faultFields, { maxLength: 3 }) }, []);

const GETS: Record<string, string[]> = {
	'/patients': ['LName', 'FName', 'ClinicNum', 'Guarantor', 'PriProv'],
	'/patients/Simple': ['LName', 'FName', 'ClinicNum', 'Guarantor', 'PriProv'],
	'/providers': [],
	'/clinics': [],
	'/definitions': ['Category', 'includeHidden'],
	'/preferences': ['PrefName'],
	'/procedurelogs': ['PatNum', 'ClinicNum', 'CodeNum'],
	'/claimprocs': ['ProcNum', 'PatNum', 'ClaimNum'],
	'/adjustments': ['PatNum', 'ProcNum', 'AdjType'],
	'/payments': ['PatNum', 'PayType', 'DateEntry'],
	'/paysplits': ['PayNum', 'PatNum', 'ProcNum'],
	'/commlogs': ['PatNum']
};
const pathId = fc.oneof(fc.nat(400).map(String), numberText.map((t) => percent(utf8.encode(t))), rawQueryValue);
const getTarget = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.constantFrom(...Object.keys(GETS)).chain((resource) =>
			fc
				.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...GETS[resource]!, 'Limit', 'Offset') }, { weight: 1, arbitrary: hostileText.map((t) => percent(utf8.encode(t))) }), rawQueryValue), { maxLength: 4 })
				.map((pairs) => `${resource}?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`)
		)
	},
	{ weight: 1, arbitrary: pathId.map((id) => `/patients/${id}`) }
);

// ---- the properties --------------------------------------------------------------------------

/** A write: no 5xx, and when refused, nothing in the database changed. */
async function checkWrite(method: string, target: string, body: Body) {
	const before = await fingerprint();
	const answer = await send(method, target, body);
	expectAnswered(answer, `${method} ${target} ${(body.text ?? '[bytes]').slice(0, 200)}`);
	if (answer.status >= 400) expect(await fingerprint(), `${method} ${target} was refused (${answer.status}) but wrote`).toBe(before);
	return answer;
}

describe('the demo PMS under hostile input (issue 13): 4xx, never 5xx, and a refused write writes nothing', () => {
	it('the two known cases: a NUL in a query string and Offset=1e20 answer 400 naming the parameter', async () => {
		const nul = await send('GET', '/patients?LName=%00');
		expect(nul).toEqual({ status: 400, body: expect.stringMatching(/^LName contains a control character \(U\+0000, NUL\)/) });
		const offset = await send('GET', '/patients?Offset=1e20');
		expect(offset).toEqual({ status: 400, body: 'Offset must be a whole number from 0 to 2147483647.' });
	});

	it.each([
		['/patients/Simple?FName=a%00b', /^FName contains a control character/],
		['/preferences?PrefName=%00', /^PrefName contains a control character/],
		['/patients?Guarantor=9223372036854775807', /^Guarantor must be a whole number from 0 to 9007199254740991\.$/],
		['/procedurelogs?PatNum=99999999999999999999', /^PatNum must be a whole number/],
		['/definitions?Category=2147483648', /^Category must be a whole number from 0 to 32767\.$/],
		['/payments?Offset=9223372036854775808', /^Offset must be a whole number/],
		['/payments?DateEntry=0000-01-01', /^DateEntry format must be yyyy-MM-dd\.$/],
		['/patients/99999999999999999999', /^PatNum must be a whole number/]
	])('GET %s answers 400 (it answered 500 before issue 13)', async (target, message) => {
		const answer = await send('GET', target);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(message);
	});

	it.each([
		['POST', '/payments', { PayAmt: 1, PatNum: 1, PayNote: 'a\u0000b', isPrepayment: true }, /^PayNote contains a control character/],
		['POST', '/payments', { PayAmt: 1, PatNum: 1, CheckNum: '\u0000', isPrepayment: true }, /^CheckNum contains a control character/],
		['POST', '/payments', { PayAmt: '99999999999.99', PatNum: 1 }, /^PayAmt must be an amount in dollars with at most 2 decimals, up to 9999999999\.99\.$/],
		['POST', '/payments', { PayAmt: 1, PatNum: '99999999999999999999' }, /^PatNum must be a whole number from 0 to 9007199254740991\.$/],
		['POST', '/payments', { PayAmt: 1, PatNum: 1, ClinicNum: '99999999999999999999' }, /^ClinicNum must be a whole number/],
		['POST', '/payments', { PayAmt: 1, PatNum: 1, PayDate: '0000-01-01' }, /^PayDate format must be yyyy-MM-dd\.$/],
		['POST', '/commlogs', { PatNum: 1, Note: 'a\u0000b' }, /^Note contains a control character/],
		['POST', '/commlogs', { PatNum: '99999999999999999999', Note: 'x' }, /^PatNum must be a whole number/],
		['POST', '/commlogs', { PatNum: 1, Note: 'x', CommDateTime: '2026-13-45 99:99:99' }, /^CommDateTime format must be yyyy-MM-dd HH:mm:ss\.$/],
		['POST', '/commlogs', { PatNum: 1, Note: 'x', CommDateTime: '0000-01-01 00:00:00' }, /^CommDateTime format/],
		['PUT', '/payments/1', { PayNote: 'a\u0000b' }, /^PayNote contains a control character/],
		['PUT', '/payments/1', { PayType: '99999999999999999999' }, /^PayType must be a whole number/],
		['PUT', '/payments/99999999999999999999', { PayNote: 'x' }, /^PayNum must be a whole number/]
	])('%s %s %j answers 400 naming the field and writes nothing (it answered 500 before issue 13)', async (method, target, body, message) => {
		const before = await fingerprint();
		const answer = await send(method, target, { text: JSON.stringify(body) });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(message);
		expect(await fingerprint()).toBe(before);
	});

	it.each([
		['GET', '/payments?Limit=-1', undefined, /^Limit must be a whole number from 1 to 2147483647\.$/],
		['GET', '/payments?Limit=1.5', undefined, /^Limit must be a whole number from 1 to 2147483647\.$/],
		['GET', '/payments?Limit=1e3', undefined, /^Limit must be a whole number/],
		['POST', '/payments', { PayAmt: 1e300, PatNum: 1 }, /^PayAmt must be an amount in dollars/],
		['POST', '/payments', { PayAmt: 'NaN', PatNum: 1 }, /^PayAmt must be an amount in dollars/],
		['POST', '/payments', { PayAmt: 1, PatNum: 1.5 }, /^PatNum must be a whole number from 0 to 9007199254740991\.$/],
		['POST', '/payments', { PayAmt: 1, PatNum: 1, procNums: [1, -2] }, /^procNums\[1\] must be a whole number/],
		// These two were stored: the lone surrogate as U+FFFD, the card number as sent.
		['POST', '/payments', { PayAmt: 1, PatNum: 1, PayNote: 'a\ud800b', isPrepayment: true }, /^PayNote is not well-formed text: a broken character \(lone surrogate U\+D800\) at character 2\.$/],
		['POST', '/payments', { PayAmt: 1, PatNum: 1, PayNote: 'card 4111 1111 1111 1111', isPrepayment: true }, /^PayNote looks like a card number/],
		['POST', '/commlogs', { PatNum: 1, Note: 'x', Mode_: 5 }, /^Mode_ must be text\.$/]
	])('%s %s %j is refused with a 400 naming the field and what is allowed', async (method, target, body, message) => {
		const before = await fingerprint();
		const answer = await send(method, target, body === undefined ? undefined : { text: JSON.stringify(body) });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(message);
		expect(await fingerprint()).toBe(before);
	});

	it('a PUT refused for one field changes none of the others', async () => {
		const before = await fingerprint();
		const answer = await send('PUT', '/payments/1', { text: JSON.stringify({ PayNote: 'changed', CheckNum: '12', ProcessStatus: 'OfficeProcessed' }) });
		expect(answer).toEqual({ status: 400, body: 'ProcessStatus must be either "OnlineProcessed" or "OnlinePending".' });
		const wrongType = await send('PUT', '/payments/1', { text: JSON.stringify({ PayNote: 'changed', PayType: 999_999 }) });
		expect(wrongType).toEqual({ status: 400, body: 'PayType is invalid.' });
		expect(await fingerprint()).toBe(before);
	});

	it('bodies that are not a JSON object in UTF-8 sent as JSON are refused: arrays, null, bad bytes, wrong Content-Type, too large', async () => {
		const before = await fingerprint();
		expect(await send('POST', '/payments', { text: '[{"PayAmt":1,"PatNum":1}]' })).toEqual({ status: 400, body: 'The request body must be a JSON object.' });
		expect(await send('POST', '/commlogs', { text: 'null' })).toEqual({ status: 400, body: 'The request body must be a JSON object.' });
		expect(await send('PUT', '/payments/1', { text: '{"PayNote":' })).toEqual({ status: 400, body: 'The request body is not valid JSON.' });
		expect(await send('POST', '/commlogs', { bytes: Uint8Array.from([...utf8.encode('{"PatNum":1,"Note":"'), 0xff, ...utf8.encode('"}')]) })).toEqual({ status: 400, body: 'The request body is not valid UTF-8.' });
		expect((await send('POST', '/payments', { text: '{"PayAmt":1,"PatNum":1,"isPrepayment":true}', contentType: 'text/plain' })).status).toBe(415);
		expect((await send('POST', '/commlogs', { text: `{"PatNum":1,"Note":"x","pad":"${'x'.repeat(17 * 1024 * 1024)}"}` })).status).toBe(413);
		expect(await send('POST', '/commlogs', { text: JSON.stringify({ PatNum: 1, Note: 'x'.repeat(15_000_000) }) })).toEqual({ status: 400, body: 'Note must be at most 65535 characters (it has 15000000).' });
		const deep = 100_000;
		expect((await send('POST', '/payments', { text: `{"PayAmt":1,"PatNum":1,"procNums":${'['.repeat(deep)}${']'.repeat(deep)}}` })).status).toBe(400);
		expect(await fingerprint()).toBe(before);
	});

	it('fuzz: GET on every resource with hostile filters, Limit/Offset and path ids never answers 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(getTarget, async (target) => {
				expectAnswered(await send('GET', target), `GET ${target}`);
			}),
			{ seed: SEED, numRuns: 1200 }
		);
	}, 60_000);

	it('fuzz: POST /payments with hostile bodies never answers 5xx, and a refused one writes nothing', async () => {
		await fc.assert(
			fc.asyncProperty(hostileBody(paymentFields), async (body) => {
				await checkWrite('POST', '/payments', body);
			}),
			{ seed: SEED, numRuns: 700 }
		);
	}, 60_000);

	it('fuzz: PUT /payments/:id with hostile ids and bodies never answers 5xx, and a refused one writes nothing', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 120 }).map(String) }, { weight: 1, arbitrary: pathId }), hostileBody(paymentUpdateFields), async (id, body) => {
				await checkWrite('PUT', `/payments/${id}`, body);
			}),
			{ seed: SEED, numRuns: 500 }
		);
	}, 60_000);

	it('fuzz: POST /commlogs with hostile bodies never answers 5xx, and a refused one writes nothing', async () => {
		await fc.assert(
			fc.asyncProperty(hostileBody(commlogFields), async (body) => {
				await checkWrite('POST', '/commlogs', body);
			}),
			{ seed: SEED, numRuns: 500 }
		);
	}, 60_000);

	it('fuzz: PUT /_demo/faults with hostile plans never answers 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(hostileBody(faultPlanFields), async (body) => {
				const answer = await checkWrite('PUT', '/_demo/faults', body);
				// A plan that was taken is cleared at once: the other requests run without faults.
				if (answer.status < 400) expect((await send('PUT', '/_demo/faults', { text: '{"faults":[],"latencyMs":0}' })).status).toBe(200);
			}),
			{ seed: SEED, numRuns: 300 }
		);
	}, 60_000);

	it('after all that the API still answers a plain GET /patients, and no request answered 5xx', async () => {
		const patients = await send('GET', '/patients');
		expect(patients.status).toBe(200);
		expect(Array.isArray(patients.body) && patients.body.length).toBeGreaterThan(0);
		expect(tally.serverErrors).toBe(0);
	});
});
