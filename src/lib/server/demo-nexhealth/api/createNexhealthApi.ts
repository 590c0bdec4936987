import { DroppedConnection, type Faults } from '../../demo-pms/faults';
import { demoControl, type NexFault } from './demoControl';
import type { NexContext } from './nexContext';
import { nexError, nexOk } from './nexResponse';
import { postPayment } from './postPayment';
import type { RateLimiter, RateBucket } from './rateLimiter';
import { readAdjustment, readAdjustments } from './readAdjustments';
import { readCharge, readCharges } from './readCharges';
import { readGuarantorBalance, readGuarantorBalances } from './readGuarantorBalances';
import { readPatient, readPatients } from './readPatients';
import { readPayment, readPayments } from './readPayments';
import { readLocation, readLocations, readSyncStatus } from './readPractice';
import { readProvider, readProviders } from './readProviders';
import { readType, readTypes } from './readTypes';
import type { TokenStore } from './tokenStore';

/** `request` → response: NexHealth's API, as the fake serves it at the root of its base URL. */
export type DemoNexhealthApi = (request: Request) => Promise<Response>;

/** The values of Nex-Api-Version the API takes: "v3.0.0 and v20240412 are two names for the same API version" (the document's info). */
export const NEX_API_VERSIONS = ['v3.0.0', 'v20240412'] as const;

type Handler = (ctx: NexContext, request: Request, url: URL, id: number, fault: NexFault | null) => Promise<Response>;
type Route = {
	method: 'GET' | 'POST';
	path: RegExp;
	handle: Handler;
	/** The document requires Nex-Api-Version here (every operation but /authenticates, /sync_status and /locations). */
	version: boolean;
	/** Financial data, which NexHealth switches on per key. */
	ledger: boolean;
};

const route = (method: Route['method'], path: string, handle: Handler, flags: { version?: boolean; ledger?: boolean } = {}): Route => ({
	method,
	path: new RegExp(`^${path.replace('{id}', '([^/]+)')}$`),
	handle,
	version: flags.version ?? true,
	ledger: flags.ledger ?? false
});

const ROUTES: Route[] = [
	route('GET', '/sync_status', (ctx, _r, url) => readSyncStatus(ctx, url), { version: false }),
	route('GET', '/locations', (ctx, _r, url) => readLocations(ctx, url), { version: false }),
	route('GET', '/locations/{id}', (ctx, _r, url, id) => readLocation(ctx, url, id), { version: false }),
	route('GET', '/patients', (ctx, _r, url) => readPatients(ctx, url)),
	route('GET', '/patients/{id}', (ctx, _r, url, id) => readPatient(ctx, url, id)),
	route('GET', '/providers', (ctx, _r, url) => readProviders(ctx, url)),
	route('GET', '/providers/{id}', (ctx, _r, url, id) => readProvider(ctx, url, id)),
	route('GET', '/charges', (ctx, _r, url) => readCharges(ctx, url), { ledger: true }),
	route('GET', '/charges/{id}', (ctx, _r, url, id) => readCharge(ctx, url, id), { ledger: true }),
	route('GET', '/adjustments', (ctx, _r, url) => readAdjustments(ctx, url), { ledger: true }),
	route('GET', '/adjustments/{id}', (ctx, _r, url, id) => readAdjustment(ctx, url, id), { ledger: true }),
	route('GET', '/payments', (ctx, _r, url) => readPayments(ctx, url), { ledger: true }),
	route('POST', '/payments', (ctx, request, url, _id, fault) => postPayment(ctx, request, url, { failInsertion: fault?.kind === 'insertion_failed' }), { ledger: true }),
	route('GET', '/payments/{id}', (ctx, _r, url, id) => readPayment(ctx, url, id), { ledger: true }),
	route('GET', '/payment_types', (ctx, _r, url) => readTypes(ctx, url, 'payment_type'), { ledger: true }),
	route('GET', '/payment_types/{id}', (ctx, _r, url, id) => readType(ctx, url, 'payment_type', id), { ledger: true }),
	route('GET', '/adjustment_types', (ctx, _r, url) => readTypes(ctx, url, 'adjustment_type'), { ledger: true }),
	route('GET', '/adjustment_types/{id}', (ctx, _r, url, id) => readType(ctx, url, 'adjustment_type', id), { ledger: true }),
	route('GET', '/guarantor_balances', (ctx, _r, url) => readGuarantorBalances(ctx, url), { ledger: true }),
	route('GET', '/guarantor_balances/{id}', (ctx, _r, url, id) => readGuarantorBalance(ctx, url, id), { ledger: true })
];

export type NexhealthApiOptions = {
	ctx: NexContext;
	apiKey: string;
	tokens: TokenStore;
	/** Absent: no rate limits (tests that fire thousands of requests on purpose). */
	limiter: RateLimiter | null;
	faults: Faults<NexFault>;
	log?: (message: string, error: unknown) => void;
};

/**
 * The fake's HTTP surface, in the order NexHealth's own would meet a request (as far as one can tell
 * from outside; docs/nexhealth-api-reference.md §1): the credentials name the API key, whose rate
 * limits come first; then the demo's injected faults; a valid bearer token (or, for POST
 * /authenticates, the key itself); the version header; the key's access to financial data; then the endpoint,
 * which checks every input before it reaches the database. Framework-free: a Fetch API Request in,
 * a Response out, so that the bridge can call it in-process (demoNexhealthFetch) and
 * `npm run demo-nexhealth` can serve it alone.
 */
export function createNexhealthApi(options: NexhealthApiOptions): DemoNexhealthApi {
	const { ctx, apiKey, tokens, limiter, faults } = options;
	return async (request) => {
		const url = new URL(request.url);
		const path = url.pathname.replace(/\/+$/, '') || '/';
		const method = request.method.toUpperCase();
		const authorization = request.headers.get('authorization') ?? '';
		const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
		const token = bearer === undefined ? null : tokens.check(bearer);

		if (path === '/_demo' || path.startsWith('/_demo/')) {
			if (authorization !== apiKey && !token?.ok) return nexError(401, 'The demo controls need the API key in Authorization, or a bearer token from POST /authenticates');
			return demoControl(ctx, faults, request, path);
		}

		const isAuthenticate = path === '/authenticates';
		const key = isAuthenticate ? (authorization === apiKey ? apiKey : null) : token?.ok ? token.apiKey : null;
		if (key && limiter) {
			const bucket: RateBucket = path === '/patients' || path.startsWith('/patients/') || path.startsWith('/appointments') ? 'patients' : 'others';
			const taken = limiter.take(key, bucket);
			if (!taken.ok) return nexError(429, `Rate limit exceeded (${taken.limit}): slow down and retry`);
		}

		const latency = faults.latencyMs();
		if (latency > 0) await sleep(latency);
		const fault = faults.take(method, path);
		switch (fault?.kind) {
			case 'error500':
				return nexError(500, 'Internal server error (injected by the demo)');
			case 'refuse':
				return nexError(400, fault.message ?? 'Refused (injected by the demo)');
			case 'rate_limit':
				return nexError(429, 'Rate limit exceeded: slow down and retry (injected by the demo)');
			case 'timeout':
				await sleep(fault.ms ?? 20_000);
				break;
		}
		const response = await answer(request, url, path, method, authorization, token, fault);
		if (fault?.kind === 'drop_after_commit') {
			await response.arrayBuffer();
			throw new DroppedConnection(`the demo NexHealth did ${method} ${path} and dropped the answer (${response.status})`);
		}
		return response;
	};

	async function answer(request: Request, url: URL, path: string, method: string, authorization: string, token: ReturnType<TokenStore['check']> | null, fault: NexFault | null): Promise<Response> {
		if (path === '/authenticates') {
			if (method !== 'POST') return nexError(404, `${method} /authenticates is not a route: use POST`);
			if (authorization === '') return nexError(401, 'Authorization header is missing: send your API key in it');
			if (authorization !== apiKey) return nexError(401, 'Invalid API key');
			return nexOk({ token: tokens.issue(apiKey, ctx.state.tokenTtlSeconds) }, { status: 201, description: 'Authenticated' });
		}
		let matched: { route: Route; id: string | undefined } | undefined;
		for (const candidate of ROUTES) {
			const match = candidate.path.exec(path);
			if (match && candidate.method === method) {
				matched = { route: candidate, id: match[1] };
				break;
			}
		}
		if (!matched) return nexError(404, `${method} ${path.length > 80 ? `${path.slice(0, 80)}…` : path} is not a route of the NexHealth fake (it serves the payments subset of v20240412: docs/nexhealth-api-reference.md)`);
		const { route: found } = matched;
		// "All unauthenticated requests will return a 401 status code" (docs authentication-1): the token first.
		if (!token) return nexError(401, authorization === '' ? 'Authorization header is missing: send Authorization: Bearer <token from POST /authenticates>' : 'Invalid bearer token: authenticate again with POST /authenticates');
		if (!token.ok) return nexError(401, token.why === 'expired' ? 'Bearer token has expired: authenticate again with POST /authenticates' : 'Invalid bearer token: authenticate again with POST /authenticates');
		if (found.version) {
			const version = request.headers.get('nex-api-version');
			if (version === null) return nexError(400, `Nex-Api-Version header is missing: send Nex-Api-Version: ${NEX_API_VERSIONS[0]}`);
			if (!(NEX_API_VERSIONS as readonly string[]).includes(version.trim())) return nexError(400, `Nex-Api-Version "${version.slice(0, 40)}" is not served here: send ${NEX_API_VERSIONS.join(' or ')}`);
		}
		if (found.ledger && !ctx.state.ledgerAccess) return nexError(403, "You don't have access to perform this action.");
		let id = 0;
		if (matched.id !== undefined) {
			// A path id: digits, else 400 as Grape says of a parameter it cannot coerce. Beyond int32 it names nothing here.
			if (!/^\d{1,19}$/.test(matched.id)) return nexError(400, 'id is invalid');
			id = Number(matched.id);
		}
		try {
			return await found.handle(ctx, request, url, id, fault);
		} catch (error) {
			// The last resort: every input is checked before the database, so this is a bug in the fake.
			options.log?.(`demo NexHealth: ${method} ${path} failed`, error);
			return nexError(500, 'The NexHealth fake failed to handle this request');
		}
	}
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
