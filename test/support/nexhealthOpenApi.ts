import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * NexHealth's own OpenAPI document (v20240412 = v3.0.0), as the vendor publishes it
 * (https://docs.nexhealth.com/v20240412/openapi/nexhealth-api.json; a copy in ../shared/nexhealth).
 * The NexHealth fake's answers and the connector's requests are held to it: a request is checked
 * against its operation (method, path template, query parameters, required headers, JSON body), an
 * answer against the statuses that operation documents and the schema of each (ajv 8, OpenAPI 3.0
 * read as JSON Schema: `nullable`, `example`, the int32/int64/float/double formats, `$ref`s to
 * components). Where the document is known to be wrong or silent, KNOWN_GAPS allows it by name.
 */
export const NEXHEALTH_OPENAPI_PATH = resolve(process.env.NEXHEALTH_OPENAPI ?? resolve(process.cwd(), '../shared/nexhealth/openapi-v20240412.json'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };
type Parameter = { in: 'query' | 'header' | 'path'; name: string; required?: boolean; schema: Schema };
type Operation = {
	operationId?: string;
	parameters?: Parameter[];
	requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
	responses: Record<string, { description?: string; content?: Record<string, { schema: Schema }> }>;
};
type Document = { info: { description?: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** The operations the fake and the connector are held to, and where the document falls short. */
export type KnownGap = { name: string; why: string; source: string };

/**
 * The document's known gaps, each allowed here by name and nowhere else (docs/nexhealth-api-reference.md
 * lists them too). Anything not on this list that disagrees with the document is a problem.
 */
export const KNOWN_GAPS = {
	undocumented429: {
		name: 'undocumented429',
		why: 'Over the rate limits NexHealth answers 429, but no operation of the document lists a 429 response. A 429 is allowed on any operation; its body must still be the error envelope (the shape of API_Errors_BadRequest).',
		source: 'https://docs.nexhealth.com/reference/rate-limiting'
	},
	vendorMediaType: {
		name: 'vendorMediaType',
		why: 'POST /authenticates, GET /sync_status and GET /locations (and /locations/{id}) document their answers only as application/vnd.Nexhealth+json;version=2, the media type of the legacy v2 API; under Nex-Api-Version v3.0.0 they answer application/json like every other operation. application/json is allowed there and the body is checked against the documented schema.',
		source: 'openapi-v20240412.json paths /authenticates, /sync_status, /locations; https://docs.nexhealth.com/v2.2.2/reference/versioning'
	},
	undocumented404: {
		name: 'undocumented404',
		why: 'GET /payments/{id}, /charges/{id}, /adjustments/{id}, /payment_types/{id} and /adjustment_types/{id} document no 404, yet an unknown id can only be "not found" (the response-codes page: "404 Not Found: The resource you attempted to access was not found"). A 404 with the error envelope is allowed there.',
		source: 'https://docs.nexhealth.com/v20240412/reference/response-codes'
	},
	guarantorBalanceSubdomain: {
		name: 'guarantorBalanceSubdomain',
		why: 'GET /guarantor_balances/{id} is the one ledger read that documents no `subdomain` parameter, though the docs scope every request to an institution with it. Sending it there is allowed.',
		source: 'openapi-v20240412.json paths /guarantor_balances/{id}'
	}
} as const satisfies Record<string, KnownGap>;

const UNDOCUMENTED_404 = new Set(['GET /payments/{id}', 'GET /charges/{id}', 'GET /adjustments/{id}', 'GET /payment_types/{id}', 'GET /adjustment_types/{id}']);
const VENDOR_MEDIA_TYPE = 'application/vnd.Nexhealth+json;version=2';
/** The document's info: "v3.0.0 and v20240412 are two names for the same API version; the Nex-Api-Version header accepts either value". */
export const NEX_API_VERSIONS = ['v3.0.0', 'v20240412'] as const;

let loaded: { doc: Document; ajv: Ajv; routes: Route[]; compiled: Map<string, ValidateFunction> } | undefined;
type Route = { method: string; template: string; pattern: RegExp; names: string[]; operation: Operation; literal: number };

function load() {
	if (loaded) return loaded;
	if (!existsSync(NEXHEALTH_OPENAPI_PATH)) throw new Error(`NexHealth's OpenAPI document is not at ${NEXHEALTH_OPENAPI_PATH}: put openapi-v20240412.json there or set NEXHEALTH_OPENAPI to its path.`);
	const doc = JSON.parse(readFileSync(NEXHEALTH_OPENAPI_PATH, 'utf8')) as Document;
	const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, validateFormats: true });
	addFormats(ajv);
	// OpenAPI 3.0's formats beyond JSON Schema's: integers by their width, floats by theirs.
	ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1 });
	ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
	ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
	ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
	ajv.addFormat('binary', { type: 'string', validate: () => true });
	// OpenAPI 3.0 annotations that are not JSON Schema keywords (`nullable` ajv knows).
	ajv.addKeyword({ keyword: 'example' });
	ajv.addSchema({ $id: 'nexhealth', $defs: Object.fromEntries(Object.entries(doc.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema)])) });
	const routes: Route[] = [];
	for (const [template, methods] of Object.entries(doc.paths)) {
		const names: string[] = [];
		const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
		for (const [method, operation] of Object.entries(methods)) routes.push({ method: method.toUpperCase(), template, pattern, names, operation, literal: template.replace(/\{[^}]+\}/g, '').length });
	}
	// The most literal template first: /patients/{id}/alerts before /patients/{id}.
	routes.sort((a, b) => b.literal - a.literal);
	loaded = { doc, ajv, routes, compiled: new Map() };
	return loaded;
}

/** OpenAPI 3.0 Schema Object → JSON Schema for ajv: `$ref`s into the document's components become refs into `nexhealth#/$defs`. */
function toJsonSchema(schema: Json): Json {
	if (Array.isArray(schema)) return schema.map(toJsonSchema);
	if (schema === null || typeof schema !== 'object') return schema;
	const out: Schema = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === '$ref' && typeof value === 'string') out[key] = value.replace('#/components/schemas/', 'nexhealth#/$defs/');
		else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub)]));
		else if (key === 'example' || key === 'default' || key === 'enum' || key === 'required') out[key] = value;
		else out[key] = toJsonSchema(value);
	}
	// A nullable `$ref` (none in v20240412, but the document changes): ajv wants `type` beside `nullable`.
	if (out.$ref && out.nullable === true) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
	return out;
}

function validator(key: string, schema: Schema): ValidateFunction {
	const { ajv, compiled } = load();
	let found = compiled.get(key);
	if (!found) {
		found = ajv.compile(toJsonSchema(schema) as Schema);
		compiled.set(key, found);
	}
	return found;
}

function schemaProblems(key: string, schema: Schema, value: unknown, where: string): string[] {
	const validate = validator(key, schema);
	if (validate(value)) return [];
	return (validate.errors ?? []).slice(0, 10).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`);
}

export type ExchangeRequest = { method: string; url: string; headers: Headers; body: string | null };
export type ExchangeResponse = { status: number; headers: Headers; body: string };

/** The documented operation for a method and URL, with its path parameters; null when the document has none. */
export function findOperation(method: string, url: string): { template: string; operation: Operation; params: Record<string, string> } | null {
	const path = new URL(url).pathname;
	for (const route of load().routes) {
		if (route.method !== method.toUpperCase()) continue;
		const match = route.pattern.exec(path);
		if (!match) continue;
		return { template: route.template, operation: route.operation, params: Object.fromEntries(route.names.map((name, i) => [name, decodePathSegment(match[i + 1] ?? '')])) };
	}
	return null;
}

/** A path segment as text: percent-decoded, or as sent when it is not valid UTF-8 percent-encoding (it then fails its schema). */
function decodePathSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** A query or path value as its schema's type: "12" → 12, "true" → true; anything else stays text (and fails the schema). */
function coerce(text: string, schema: Schema): unknown {
	const type = schema.type;
	if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
	return text;
}

/**
 * What is wrong with a request by the document: an operation that does not exist; a path parameter,
 * query parameter or required header missing or of the wrong type; a query parameter the operation
 * does not document; a JSON body that is not one or does not match the requestBody schema.
 */
export function checkRequest(request: ExchangeRequest): string[] {
	const label = `${request.method.toUpperCase()} ${new URL(request.url).pathname}`;
	const found = findOperation(request.method, request.url);
	if (!found) return [`${label}: no such operation in NexHealth's document`];
	const { template, operation, params } = found;
	const key = `${request.method.toUpperCase()} ${template}`;
	const problems: string[] = [];
	const url = new URL(request.url);
	const documented = new Set<string>();
	for (const [index, parameter] of (operation.parameters ?? []).entries()) {
		const where = `${key}: ${parameter.in} parameter ${parameter.name}`;
		const schemaKey = `${key} param ${index}`;
		if (parameter.in === 'path') {
			const value = params[parameter.name];
			if (value === undefined) problems.push(`${where} is missing`);
			else problems.push(...schemaProblems(schemaKey, parameter.schema, coerce(value, parameter.schema), where));
		} else if (parameter.in === 'header') {
			const value = request.headers.get(parameter.name);
			if (value === null) {
				if (parameter.required) problems.push(`${where} is required`);
			} else {
				problems.push(...schemaProblems(schemaKey, parameter.schema, value, where));
				if (parameter.name.toLowerCase() === 'nex-api-version' && !(NEX_API_VERSIONS as readonly string[]).includes(value)) problems.push(`${where} "${value}" is not ${NEX_API_VERSIONS.join(' or ')}`);
			}
		} else if (parameter.in === 'query') {
			documented.add(parameter.name);
			const values = url.searchParams.getAll(parameter.name);
			if (values.length === 0) {
				if (parameter.required) problems.push(`${where} is required`);
				continue;
			}
			const schema = parameter.schema;
			if (schema.type === 'array') {
				const items = (schema.items ?? {}) as Schema;
				problems.push(...schemaProblems(schemaKey, schema, values.map((v) => coerce(v, items)), where));
			} else if (values.length > 1) problems.push(`${where} is sent ${values.length} times`);
			else problems.push(...schemaProblems(schemaKey, schema, coerce(values[0] ?? '', schema), where));
		}
	}
	for (const name of new Set(url.searchParams.keys())) {
		if (documented.has(name)) continue;
		if (name === 'subdomain' && key === 'GET /guarantor_balances/{id}') continue; // KNOWN_GAPS.guarantorBalanceSubdomain
		problems.push(`${key}: query parameter ${name} is not documented for this operation`);
	}
	// Every operation is under the document's one security scheme: the Authorization header.
	if (!request.headers.get('authorization')) problems.push(`${key}: the Authorization header is required`);
	const body = operation.requestBody;
	if (body) {
		const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
		const media = Object.entries(body.content).find(([type]) => type.toLowerCase() === contentType);
		if (!media) problems.push(`${key}: the body must be sent as ${Object.keys(body.content).join(' or ')} (Content-Type was "${contentType}")`);
		else if (request.body === null || request.body === '') {
			if (body.required) problems.push(`${key}: a body is required`);
		} else if (contentType === 'application/json') {
			let value: unknown;
			try {
				value = JSON.parse(request.body);
			} catch {
				problems.push(`${key}: the body is not JSON`);
				return problems;
			}
			problems.push(...schemaProblems(`${key} body`, media[1].schema, value, `${key}: body`));
			problems.push(...describedLimits(key, value));
		}
	} else if (request.body) problems.push(`${key}: this operation takes no body`);
	return problems;
}

/**
 * Limits the document states in words but not in its schema: postPayments' transaction_id "Max length
 * is 50 characters" (and the same for postAdjustments). Held here as if they were schema.
 */
function describedLimits(key: string, body: unknown): string[] {
	const field = key === 'POST /payments' ? 'payment' : key === 'POST /adjustments' ? 'adjustment' : null;
	if (!field || body === null || typeof body !== 'object') return [];
	const transactionId = (body as Record<string, { transaction_id?: unknown } | undefined>)[field]?.transaction_id;
	return typeof transactionId === 'string' && [...transactionId].length > 50 ? [`${key}: body/${field}/transaction_id is ${[...transactionId].length} characters; the document allows 50 ("Max length is 50 characters")`] : [];
}

/**
 * What is wrong with an answer by the document: a status the operation does not document (but for
 * KNOWN_GAPS), a media type other than the documented one, a body where none is documented, or a
 * JSON body that does not match the schema documented for that status.
 */
export function checkResponse(request: ExchangeRequest, response: ExchangeResponse): string[] {
	const found = findOperation(request.method, request.url);
	if (!found) return [];
	const key = `${request.method.toUpperCase()} ${found.template}`;
	const status = String(response.status);
	let documented = found.operation.responses[status];
	if (!documented) {
		const errorShape = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/API_Errors_BadRequest' } as Schema } } };
		if (status === '429') documented = errorShape; // KNOWN_GAPS.undocumented429
		else if (status === '404' && UNDOCUMENTED_404.has(key)) documented = errorShape; // KNOWN_GAPS.undocumented404
		else return [`${key}: status ${status} is not documented (documented: ${Object.keys(found.operation.responses).join(', ')})`];
	}
	const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	const content = documented.content;
	if (!content || Object.keys(content).length === 0) {
		return response.body === '' ? [] : [`${key}: status ${status} documents no body, but one was sent (${response.body.slice(0, 80)})`];
	}
	const entries = Object.entries(content);
	let media = entries.find(([type]) => type.split(';')[0]?.trim().toLowerCase() === contentType);
	// KNOWN_GAPS.vendorMediaType: the v2 vendor media type is documented; v3 answers JSON.
	if (!media && contentType === 'application/json') media = entries.find(([type]) => type === VENDOR_MEDIA_TYPE);
	if (!media) return [`${key}: status ${status} answered as "${contentType}", documented as ${Object.keys(content).join(' or ')}`];
	let value: unknown;
	try {
		value = JSON.parse(response.body);
	} catch {
		return [`${key}: status ${status} body is not JSON: ${response.body.slice(0, 80)}`];
	}
	return schemaProblems(`${key} ${status}`, media[1].schema, value, `${key} ${status}: body`);
}

export type Exchange = {
	request: ExchangeRequest;
	response: ExchangeResponse | null;
	error: string | null;
	/** What the request broke, and what the answer broke, of the document. */
	requestProblems: string[];
	responseProblems: string[];
	/** A request sent broken on purpose (a test of refusals): its own problems are expected, the answer's still count. */
	invalidOnPurpose: boolean;
};
type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that records every exchange and checks both halves against the document: hand it to the
 * connector (or to a test) in place of fetch, then `assertNoProblems()`. A request that fails on
 * the wire (a dropped connection) is recorded with its error, and only the request is checked.
 */
export function nexhealthRecorder(inner: FetchLike) {
	const exchanges: Exchange[] = [];
	const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
		const request = new Request(input, init);
		const body = request.body ? await request.clone().text() : null;
		const seen: ExchangeRequest = { method: request.method, url: request.url, headers: new Headers(request.headers), body };
		const exchange: Exchange = { request: seen, response: null, error: null, requestProblems: checkRequest(seen), responseProblems: [], invalidOnPurpose: false };
		exchanges.push(exchange);
		let response: Response;
		try {
			response = await inner(request);
		} catch (error) {
			exchange.error = error instanceof Error ? error.message : String(error);
			throw error;
		}
		const text = await response.clone().text();
		exchange.response = { status: response.status, headers: new Headers(response.headers), body: text };
		exchange.responseProblems.push(...checkResponse(seen, exchange.response));
		return response;
	};
	return {
		fetch,
		exchanges,
		problems: () =>
			exchanges.flatMap((e) => {
				const where = `${e.request.method} ${new URL(e.request.url).pathname}${new URL(e.request.url).search}`;
				const own = e.invalidOnPurpose ? (e.requestProblems.length === 0 ? ['sent as invalid on purpose, but the document finds nothing wrong with it'] : []) : e.requestProblems;
				return [...own, ...e.responseProblems].map((p) => `${where}: ${p}`);
			}),
		/** Throws, listing them, when any exchange so far broke the document. */
		assertNoProblems() {
			const problems = this.problems();
			if (problems.length > 0) throw new Error(`${problems.length} exchange problem(s) against NexHealth's OpenAPI document:\n${problems.slice(0, 30).join('\n')}`);
		},
		clear: () => void exchanges.splice(0)
	};
}
export type NexhealthRecorder = ReturnType<typeof nexhealthRecorder>;
