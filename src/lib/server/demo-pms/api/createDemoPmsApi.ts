import type { Sql } from '../../store/Sql';
import { getAdjustments, getClaimProcs, getClinics, getCommlogs, getDefinitions, getPatient, getPatients, getPayments, getPaySplits, getPreferences, getProcedureLogs, getProviders } from './readResources';
import { odError, odJson } from './odResponse';
import { DroppedConnection, faultPlanSchema, type Faults } from '../faults';
import { bodyProblems, readOdBody } from './odBody';
import { MAX_KEY } from './odBounds';
import { wholeNumber } from './odQuery';
import { postCommlog } from './postCommlog';
import { postPayment, type DemoClock } from './postPayment';
import { putPayment } from './putPayment';

export type DemoPmsApiOptions = {
	sql: Sql;
	/** Misbehaviour on demand (tests): see faults.ts. Controlled through `PUT /api/v1/_demo/faults`. */
	faults?: Faults;
	clock: DemoClock;
	/** The developer and customer keys a caller must send: `Authorization: ODFHIR {developerKey}/{customerKey}`. */
	keys: { developerKey: string; customerKey: string };
};

/** `(request, path)` → response, where `path` is what follows `/api/v1` ("/payments/12"). */
export type DemoPmsApi = (request: Request, path: string) => Promise<Response>;

/**
 * The demo PMS's HTTP surface: the subset of Open Dental's API that Paysplit's connector uses, with
 * Open Dental's authorization header, paging and refusals. Framework-free (Fetch API Request and
 * Response), so the bridge mounts it under /demo-pms/api/v1 and `npm run demo-pms` serves it alone.
 */
export function createDemoPmsApi(options: DemoPmsApiOptions): DemoPmsApi {
	const { sql, clock } = options;
	const expected = `ODFHIR ${options.keys.developerKey}/${options.keys.customerKey}`;
	const handle = route;
	return async (request, path) => {
		if (request.headers.get('authorization') !== expected) {
			return odError(401, 'Invalid Authorization header. Expected: ODFHIR {DeveloperKey}/{CustomerKey}.');
		}
		const faults = options.faults;
		if (path === '/_demo/faults') return controlFaults(request, faults);
		if (!faults) return handle(request, path);
		const latency = faults.latencyMs();
		if (latency > 0) await sleep(latency);
		const fault = faults.take(request.method.toUpperCase(), path);
		if (!fault) return handle(request, path);
		switch (fault.kind) {
			case 'error500':
				return odError(500, 'Internal server error (injected by the demo PMS).');
			case 'refuse':
				return odError(400, fault.message ?? 'Refused (injected by the demo PMS).');
			case 'timeout':
				await sleep(fault.ms ?? 20_000);
				return handle(request, path);
			case 'drop_after_commit': {
				const response = await handle(request, path);
				await response.arrayBuffer();
				throw new DroppedConnection(`the demo PMS did ${request.method} ${path} and dropped the answer (${response.status})`);
			}
		}
	};

	async function route(request: Request, path: string): Promise<Response> {
		const url = new URL(request.url);
		const method = request.method.toUpperCase();
		const segments = path.split('/').filter(Boolean);
		const [resource, id, extra] = segments;
		// A path id of digits is a key (0 to MAX_KEY, or a 400 naming it); anything else names no resource (404).
		const idKey = (name: string) => (id !== undefined && /^\d+$/.test(id) ? wholeNumber(id, name, 0, MAX_KEY) : undefined);
		try {
			if (method === 'GET') {
				if (resource === 'patients' && id === 'Simple' && !extra) return await getPatients(sql, url, true);
				const patNum = resource === 'patients' && !extra ? idKey('PatNum') : undefined;
				if (patNum instanceof Response) return patNum;
				if (patNum !== undefined) return await getPatient(sql, patNum);
				if (segments.length === 1) {
					switch (resource) {
						case 'patients':
							return await getPatients(sql, url, false);
						case 'providers':
							return await getProviders(sql, url);
						case 'clinics':
							return await getClinics(sql, url);
						case 'definitions':
							return await getDefinitions(sql, url);
						case 'preferences':
							return await getPreferences(sql, url);
						case 'procedurelogs':
							return await getProcedureLogs(sql, url);
						case 'claimprocs':
							return await getClaimProcs(sql, url);
						case 'adjustments':
							return await getAdjustments(sql, url);
						case 'payments':
							return await getPayments(sql, url);
						case 'paysplits':
							return await getPaySplits(sql, url);
						case 'commlogs':
							return await getCommlogs(sql, url);
					}
				}
			}
			if (method === 'POST' && segments.length === 1 && resource === 'payments') return await postPayment(sql, request, clock);
			if (method === 'POST' && segments.length === 1 && resource === 'commlogs') return await postCommlog(sql, request, clock.now);
			const payNum = method === 'PUT' && resource === 'payments' && !extra ? idKey('PayNum') : undefined;
			if (payNum instanceof Response) return payNum;
			if (payNum !== undefined) return await putPayment(sql, payNum, request, clock.now);
		} catch (error) {
			// The last resort: every input is checked before it reaches the database (issue 13), so this is a bug.
			console.error(`demo PMS: ${method} ${path} failed`, error);
			return odError(500, 'The demo PMS failed to handle this request.');
		}
		if (!resource) return odError(404, 'A resource is required, e.g. /patients.');
		return odError(404, `${resource} ${method} is not a valid method.`);
	}
}

/** `PUT /api/v1/_demo/faults {latencyMs?, faults?}` sets the plan; `GET` reads it. Not part of Open Dental's API. */
async function controlFaults(request: Request, faults: Faults | undefined): Promise<Response> {
	if (!faults) return odError(404, 'This demo PMS was started without fault injection.');
	if (request.method === 'GET') return odJson(faults.get());
	if (request.method !== 'PUT') return odError(405, '_demo/faults answers GET and PUT.');
	const raw = await readOdBody(request);
	if (raw instanceof Response) return raw;
	const parsed = faultPlanSchema.safeParse(raw);
	if (!parsed.success) return odError(400, `Fault plan is invalid: ${bodyProblems(parsed.error, raw).join('; ')}.`);
	faults.set(parsed.data);
	return odJson(faults.get());
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
