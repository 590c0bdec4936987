import { checkScope, formatContext, type NexContext } from './nexContext';
import { formatAddress, formatAdjustment, formatCharge, formatPatient, formatPatientUser, formatPayment, formatProvider, type AdjustmentRow, type ChargeRow, type PatientRow, type PaymentRow, type ProviderRow } from './nexFormat';
import { pageRows, parseSort, sqlParams } from './nexPaging';
import { boolParam, choicesParam, cursorParam, dateParam, dateTimeParam, idParam, parseNexQuery, perPageParam, textParam } from './nexQuery';
import { nexOk } from './nexResponse';
import { includes } from './readLedgerList';
import { readOne, rowsById } from './readOne';

/**
 * GET /patients (getPatients): the location's patients, by id unless `sort` says otherwise, with
 * `guarantor_id` (a guarantor is their own). Filters as the document lists them; `name` matches any
 * part of "first last" without regard to case; `new_patient=true` finds none (the fake has no
 * appointments), `location_strict` changes nothing (one location).
 */
export async function readPatients(ctx: NexContext, url: URL): Promise<Response> {
	const parsed = parseNexQuery(url, {
		subdomain: textParam(),
		location_id: idParam,
		sort: textParam(100),
		name: textParam(),
		email: textParam(),
		phone_number: textParam(),
		date_of_birth: dateParam,
		inactive: boolParam,
		foreign_id: textParam(),
		updated_since: dateTimeParam,
		new_patient: boolParam,
		non_patient: boolParam,
		forms_syncable: boolParam,
		location_strict: boolParam,
		start_cursor: cursorParam,
		end_cursor: cursorParam,
		per_page: perPageParam
	});
	if (parsed instanceof Response) return parsed;
	const { query } = parsed;
	const scope = checkScope(ctx, query, { subdomain: true, location: true });
	if (scope) return scope;
	const sort = parseSort(query.sort, ['id', '-id', 'updated_at', '-updated_at']);
	if (sort instanceof Response) return sort;
	const sql = sqlParams();
	const { p } = sql;
	const where = [`location_id = ${p(query.location_id)}`];
	if (query.name) where.push(`position(lower(${p(query.name)}) in lower(first_name || ' ' || last_name)) > 0`);
	if (query.email) where.push(`lower(email) = lower(${p(query.email)})`);
	if (query.phone_number) where.push(`phone_number = ${p(query.phone_number.replace(/\D/g, ''))}`);
	if (query.date_of_birth) where.push(`date_of_birth = ${p(query.date_of_birth)}::date`);
	if (query.inactive !== undefined) where.push(`inactive = ${p(query.inactive)}`);
	if (query.foreign_id) where.push(`foreign_id = ${p(query.foreign_id)}`);
	if (query.updated_since) where.push(`updated_at >= ${p(query.updated_since)}`);
	if (query.new_patient === true) where.push('false');
	if (query.non_patient !== undefined) where.push(`non_patient = ${p(query.non_patient)}`);
	const page = await pageRows(ctx.sql, { resource: 'patients', table: 'nexhealth.patient', where, sql, sort, perPage: query.per_page, startCursor: query.start_cursor, endCursor: query.end_cursor });
	if (page instanceof Response) return page;
	const format = formatContext(ctx);
	return nexOk(page.rows.map((row) => formatPatient(format, row as PatientRow)), { count: page.count, pageInfo: page.pageInfo, remarks: parsed.remarks });
}

const PATIENT_INCLUDES = ['upcoming_appts', 'last_visited_appointment', 'children', 'guarantor', 'procedures', 'insurance_coverages', 'adjustments', 'charges', 'payments', 'patient_alerts', 'address', 'provider'] as const;

/**
 * GET /patients/{id} (getPatientsId): one patient with `location_ids` and what `include[]` asks
 * for — the family (`children`: those whose guarantor this patient is), the guarantor, the
 * provider, the patient's own charges, payments and adjustments, the address. The fake has no
 * appointments, procedures beyond charges, coverages or alerts: those come back empty.
 */
export function readPatient(ctx: NexContext, url: URL, id: number): Promise<Response> {
	return readOne(ctx, url, id, {
		table: 'nexhealth.patient',
		label: 'Patient',
		extra: { 'include[]': choicesParam(PATIENT_INCLUDES) },
		format: async (row, query) => {
			const patient = row as PatientRow;
			const include = includes(query);
			const format = formatContext(ctx);
			const out: Record<string, unknown> = { ...formatPatient(format, patient), location_ids: [patient.location_id] };
			const own = (table: string) => ctx.sql.query(`SELECT * FROM nexhealth.${table} WHERE patient_id = $1 AND deleted_at IS NULL ORDER BY id`, [patient.id]);
			if (include.has('children')) {
				const family = await ctx.sql.query<PatientRow>(`SELECT * FROM nexhealth.patient WHERE guarantor_id = $1 AND id <> $1 ORDER BY id`, [patient.id]);
				out.children = family.map((member) => formatPatientUser(format, member));
			}
			if (include.has('guarantor')) {
				const guarantor = (await rowsById<PatientRow>(ctx.sql, 'nexhealth.patient', [patient.guarantor_id])).get(patient.guarantor_id);
				if (guarantor) out.guarantor = formatPatientUser(format, guarantor);
			}
			if (include.has('provider') && patient.provider_id !== null) {
				const provider = (await rowsById<ProviderRow>(ctx.sql, 'nexhealth.provider', [patient.provider_id])).get(patient.provider_id);
				if (provider) out.provider = formatProvider(format, provider);
			}
			if (include.has('charges')) out.charges = ((await own('charge')) as ChargeRow[]).map(formatCharge);
			if (include.has('payments')) out.payments = ((await own('payment')) as PaymentRow[]).map(formatPayment);
			if (include.has('adjustments')) out.adjustments = ((await own('adjustment')) as AdjustmentRow[]).map(formatAdjustment);
			if (include.has('address')) out.address = formatAddress(patient);
			for (const empty of ['upcoming_appts', 'procedures', 'insurance_coverages', 'patient_alerts'] as const) if (include.has(empty)) out[empty] = [];
			return out;
		}
	});
}
