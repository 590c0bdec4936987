import type { Sql } from '../../store/Sql';
import { getAdjustments, getClaimProcs, getClinics, getCommlogs, getDefinitions, getPatient, getPatients, getPayments, getPaySplits, getPreferences, getProcedureLogs, getProviders } from './readResources';
import { odError } from './odResponse';
import { postCommlog } from './postCommlog';
import { postPayment, type DemoClock } from './postPayment';
import { putPayment } from './putPayment';

export type DemoPmsApiOptions = {
	sql: Sql;
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
	return async (request, path) => {
		if (request.headers.get('authorization') !== expected) {
			return odError(401, 'Invalid Authorization header. Expected: ODFHIR {DeveloperKey}/{CustomerKey}.');
		}
		const url = new URL(request.url);
		const method = request.method.toUpperCase();
		const segments = path.split('/').filter(Boolean);
		const [resource, id, extra] = segments;
		const numericId = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
		try {
			if (method === 'GET') {
				if (resource === 'patients' && id === 'Simple' && !extra) return await getPatients(sql, url, true);
				if (resource === 'patients' && numericId !== undefined && !extra) return await getPatient(sql, numericId);
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
			if (method === 'PUT' && resource === 'payments' && numericId !== undefined && !extra) return await putPayment(sql, numericId, request, clock.now);
		} catch (error) {
			console.error(`demo PMS: ${method} ${path} failed`, error);
			return odError(500, 'The demo PMS failed to handle this request.');
		}
		if (!resource) return odError(404, 'A resource is required, e.g. /patients.');
		return odError(404, `${resource} ${method} is not a valid method.`);
	};
}
