import type { Sql } from '../../store/Sql';
import { MAX_CATEGORY, TEXT_MAX } from './odBounds';
import { isOdDate } from './odDates';
import { formatAdjustment, formatClaimProc, formatClinic, formatCommlog, formatDefinition, formatPatient, formatPayment, formatPaySplit, formatProcedure, formatProvider } from './odFormat';
import { keyParam, paging, textParam } from './odQuery';
import { odError, odJson } from './odResponse';

/** An equality on a key column; `max` bounds the parameter (MAX_KEY unless said, odBounds). */
type Filter = { column: string; param: string; max?: number };
/** A condition with a value already checked by the caller, e.g. `DateEntry >= $n`. */
type Condition = { column: string; op: '=' | '>=' | 'ILIKE'; value: unknown };

/** Names from other tables that a list shows beside each row (Open Dental's lower-case fields). */
type Decoration = { alias: string; select: string; joins: string };

/**
 * A GET over one table with Open Dental's filters (each an equality on a key column), paged by
 * Limit/Offset and ordered by primary key so that pages never drift. The page is cut from the table
 * alone and decorated afterwards, so a deep Offset never joins the rows it skips.
 */
async function listRows(sql: Sql, url: URL, from: string, pk: string, filters: Filter[], constant: string[] = [], conditions: Condition[] = [], decoration?: Decoration): Promise<Record<string, unknown>[] | Response> {
	const page = paging(url);
	if (page instanceof Response) return page;
	const where = [...constant];
	const params: unknown[] = [];
	for (const condition of conditions) {
		params.push(condition.value);
		where.push(`${condition.column} ${condition.op} $${params.length}`);
	}
	for (const filter of filters) {
		const value = keyParam(url, filter.param, filter.max);
		if (value instanceof Response) return value;
		if (value === undefined) continue;
		params.push(value);
		where.push(`${filter.column} = $${params.length}`);
	}
	params.push(page.limit, page.offset);
	const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
	const pageSql = `${from} ${whereSql} ORDER BY ${pk} LIMIT $${params.length - 1} OFFSET $${params.length}`;
	if (!decoration) return sql.query(pageSql, params);
	const { alias, select, joins } = decoration;
	return sql.query(`SELECT ${alias}.*, ${select} FROM (${pageSql}) ${alias} ${joins} ORDER BY ${pk}`, params);
}

export async function getPatients(sql: Sql, url: URL, simple: boolean): Promise<Response> {
	// LName and FName match the start of the name, ignoring case, as Open Dental's patient search does.
	const nameFilters: Condition[] = [];
	for (const name of ['LName', 'FName'] as const) {
		const text = textParam(url, name, TEXT_MAX.name);
		if (text instanceof Response) return text;
		if (text !== undefined) nameFilters.push({ column: `p."${name}"`, op: 'ILIKE', value: `${text.replace(/[\\%_]/g, '\\$&')}%` });
	}
	const rows = await listRows(sql, url, `SELECT p.* FROM opendental.patient p`, 'p."PatNum"', [
		{ column: 'p."ClinicNum"', param: 'ClinicNum' },
		{ column: 'p."Guarantor"', param: 'Guarantor' },
		{ column: 'p."PriProv"', param: 'PriProv' }
	], [], nameFilters);
	if (rows instanceof Response) return rows;
	const names = await abbreviations(sql);
	const formatted = rows.map((r) => formatPatient(r, names.prov, names.clinic));
	if (simple) return odJson(formatted.map((p) => ({ serverDateTime: '', ...p })));
	// GET /patients (multiple) is Open Dental's Patient Select: a reduced object without Guarantor or PriProv.
	return odJson(formatted.map(({ PatNum, LName, FName, MiddleI, Preferred, PatStatus, Birthdate, Address, City, State, Zip, WirelessPhone, Email, priProvAbbr, ClinicNum, clinicAbbr }) => ({ PatNum, LName, FName, MiddleI, Preferred, PatStatus, Birthdate, Address, City, State, Zip, WirelessPhone, Email, priProvAbbr, ClinicNum, clinicAbbr })));
}

export async function getPatient(sql: Sql, patNum: number): Promise<Response> {
	const rows = await sql.query(`SELECT * FROM opendental.patient WHERE "PatNum" = $1`, [patNum]);
	const row = rows[0];
	if (!row) return odError(404, 'Patient not found.');
	const names = await abbreviations(sql);
	return odJson(formatPatient(row, names.prov, names.clinic));
}

async function abbreviations(sql: Sql) {
	const provs = new Map((await sql.query<{ ProvNum: number; Abbr: string }>(`SELECT "ProvNum","Abbr" FROM opendental.provider`)).map((r) => [Number(r.ProvNum), r.Abbr]));
	const clinics = new Map((await sql.query<{ ClinicNum: number; Abbr: string }>(`SELECT "ClinicNum","Abbr" FROM opendental.clinic`)).map((r) => [Number(r.ClinicNum), r.Abbr]));
	return { prov: (n: number) => provs.get(n) ?? '', clinic: (n: number) => clinics.get(n) ?? '' };
}

export async function getProviders(sql: Sql, url: URL): Promise<Response> {
	const rows = await listRows(sql, url, `SELECT * FROM opendental.provider`, '"ProvNum"', []);
	return rows instanceof Response ? rows : odJson(rows.map(formatProvider));
}

/** Open Dental returns only non-hidden clinics, and an empty list when the office does not use clinics. */
export async function getClinics(sql: Sql, url: URL): Promise<Response> {
	const noClinics = await sql.query(`SELECT 1 FROM opendental.preference WHERE "PrefName"='EasyNoClinics' AND "ValueString"='1'`);
	if (noClinics.length > 0) return odJson([]);
	const rows = await listRows(sql, url, `SELECT * FROM opendental.clinic`, '"ClinicNum"', [], ['"IsHidden" = false']);
	return rows instanceof Response ? rows : odJson(rows.map(formatClinic));
}

export async function getDefinitions(sql: Sql, url: URL): Promise<Response> {
	const includeHidden = (url.searchParams.get('includeHidden') ?? 'false').toLowerCase() === 'true';
	const rows = await listRows(sql, url, `SELECT * FROM opendental.definition`, '"Category","ItemOrder","DefNum"', [{ column: '"Category"', param: 'Category', max: MAX_CATEGORY }], includeHidden ? [] : ['"IsHidden" = false']);
	return rows instanceof Response ? rows : odJson(rows.map(formatDefinition));
}

export async function getPreferences(sql: Sql, url: URL): Promise<Response> {
	const name = textParam(url, 'PrefName', TEXT_MAX.PrefName);
	if (name instanceof Response) return name;
	const rows = name
		? await sql.query(`SELECT "PrefNum","PrefName","ValueString" FROM opendental.preference WHERE "PrefName" = $1`, [name])
		: await listRows(sql, url, `SELECT "PrefNum","PrefName","ValueString" FROM opendental.preference`, '"PrefNum"', []);
	if (rows instanceof Response) return rows;
	return odJson(rows.map((r) => ({ PrefNum: Number(r.PrefNum), PrefName: r.PrefName, ValueString: r.ValueString })));
}

export async function getProcedureLogs(sql: Sql, url: URL): Promise<Response> {
	const rows = await listRows(
		sql,
		url,
		`SELECT * FROM opendental.procedurelog p`,
		'p."ProcNum"',
		[
			{ column: 'p."PatNum"', param: 'PatNum' },
			{ column: 'p."ClinicNum"', param: 'ClinicNum' },
			{ column: 'p."CodeNum"', param: 'CodeNum' }
		],
		[],
		[],
		{ alias: 'p', select: 'c."ProcCode", c."Descript", v."Abbr" AS "provAbbr"', joins: 'JOIN opendental.procedurecode c ON c."CodeNum" = p."CodeNum" LEFT JOIN opendental.provider v ON v."ProvNum" = p."ProvNum"' }
	);
	return rows instanceof Response ? rows : odJson(rows.map(formatProcedure));
}

export async function getClaimProcs(sql: Sql, url: URL): Promise<Response> {
	const rows = await listRows(sql, url, `SELECT * FROM opendental.claimproc`, '"ClaimProcNum"', [
		{ column: '"ProcNum"', param: 'ProcNum' },
		{ column: '"PatNum"', param: 'PatNum' },
		{ column: '"ClaimNum"', param: 'ClaimNum' }
	]);
	return rows instanceof Response ? rows : odJson(rows.map(formatClaimProc));
}

/**
 * Open Dental requires PatNum on GET /adjustments. The demo also lists every adjustment without it
 * (as Open Dental's list endpoints for procedures and paysplits do), so a connector can page through
 * a whole practice; a connector for real Open Dental asks per patient.
 */
export async function getAdjustments(sql: Sql, url: URL): Promise<Response> {
	const rows = await listRows(sql, url, `SELECT * FROM opendental.adjustment a`, 'a."AdjNum"', [
		{ column: 'a."PatNum"', param: 'PatNum' },
		{ column: 'a."ProcNum"', param: 'ProcNum' },
		{ column: 'a."AdjType"', param: 'AdjType' }
	], [], [], { alias: 'a', select: 'd."ItemName" AS "adjType"', joins: 'LEFT JOIN opendental.definition d ON d."DefNum" = a."AdjType"' });
	return rows instanceof Response ? rows : odJson(rows.map(formatAdjustment));
}

export async function getPayments(sql: Sql, url: URL): Promise<Response> {
	const dateEntry = url.searchParams.get('DateEntry');
	const conditions: Condition[] = [];
	if (dateEntry) {
		if (!isOdDate(dateEntry)) return odError(400, 'DateEntry format must be yyyy-MM-dd.');
		conditions.push({ column: 'p."DateEntry"', op: '>=', value: dateEntry });
	}
	const rows = await listRows(sql, url, `SELECT * FROM opendental.payment p`, 'p."PayNum"', [
		{ column: 'p."PatNum"', param: 'PatNum' },
		{ column: 'p."PayType"', param: 'PayType' }
	], [], conditions, { alias: 'p', select: 'd."ItemName" AS "payType"', joins: 'LEFT JOIN opendental.definition d ON d."DefNum" = p."PayType"' });
	return rows instanceof Response ? rows : odJson(rows.map(formatPayment));
}

export async function getPaySplits(sql: Sql, url: URL): Promise<Response> {
	const rows = await listRows(sql, url, `SELECT * FROM opendental.paysplit s`, 's."SplitNum"', [
		{ column: 's."PayNum"', param: 'PayNum' },
		{ column: 's."PatNum"', param: 'PatNum' },
		{ column: 's."ProcNum"', param: 'ProcNum' }
	], [], [], { alias: 's', select: `COALESCE(d."ItemName", '') AS "unearnedType"`, joins: 'LEFT JOIN opendental.definition d ON d."DefNum" = s."UnearnedType"' });
	return rows instanceof Response ? rows : odJson(rows.map(formatPaySplit));
}

export async function getCommlogs(sql: Sql, url: URL): Promise<Response> {
	const rows = await listRows(sql, url, `SELECT * FROM opendental.commlog c`, 'c."CommlogNum"', [{ column: 'c."PatNum"', param: 'PatNum' }], [], [], { alias: 'c', select: 'd."ItemName" AS "commType"', joins: 'LEFT JOIN opendental.definition d ON d."DefNum" = c."CommType"' });
	return rows instanceof Response ? rows : odJson(rows.map(formatCommlog));
}
