import { checkScope, formatContext, type NexContext } from './nexContext';
import { formatLocation, formatProvider, type LocationRow, type ProviderRow } from './nexFormat';
import { pageRows, parseSort, sqlParams } from './nexPaging';
import { boolParam, choicesParam, cursorParam, dateTimeParam, idListParam, idParam, parseNexQuery, perPageParam, textParam } from './nexQuery';
import { nexOk } from './nexResponse';
import { includes } from './readLedgerList';
import { readOne } from './readOne';

const PROVIDER_INCLUDES = ['locations', 'availabilities', 'appointment_types'] as const;

async function withIncludes(ctx: NexContext, rows: ProviderRow[], include: Set<string>) {
	const format = formatContext(ctx);
	const locations = include.has('locations') ? await ctx.sql.query<LocationRow>(`SELECT * FROM nexhealth.location ORDER BY id`) : [];
	return rows.map((row) => ({
		...formatProvider(format, row),
		...(include.has('locations') ? { locations: locations.filter((l) => l.id === row.location_id).map((l) => formatLocation(format, l)) } : {}),
		// The fake books nothing: no working hours, no bookable appointment types.
		...(include.has('availabilities') ? { availabilities: [] } : {}),
		...(include.has('appointment_types') ? { provider_requestables: [] } : {})
	}));
}

/** GET /providers (getProviders): the institution's providers, active ones unless `inactive=true`. */
export async function readProviders(ctx: NexContext, url: URL): Promise<Response> {
	const parsed = parseNexQuery(url, {
		subdomain: textParam(),
		location_id: idParam,
		foreign_id: textParam(),
		requestable: boolParam,
		inactive: boolParam,
		updated_since: dateTimeParam,
		'include[]': choicesParam(PROVIDER_INCLUDES),
		'ids[]': idListParam,
		sort: textParam(100),
		start_cursor: cursorParam,
		end_cursor: cursorParam,
		per_page: perPageParam
	});
	if (parsed instanceof Response) return parsed;
	const { query } = parsed;
	const scope = checkScope(ctx, query, { subdomain: true, location: false });
	if (scope) return scope;
	const sort = parseSort(query.sort, ['updated_at', '-updated_at']);
	if (sort instanceof Response) return sort;
	const sql = sqlParams();
	const { p } = sql;
	const where = [`inactive = ${p(query.inactive ?? false)}`];
	if (query.location_id !== undefined) where.push(`location_id = ${p(query.location_id)}`);
	if (query.foreign_id) where.push(`foreign_id = ${p(query.foreign_id)}`);
	if (query.updated_since) where.push(`updated_at >= ${p(query.updated_since)}`);
	if (query['ids[]']) where.push(`id = ANY(${p(query['ids[]'])}::integer[])`);
	const page = await pageRows(ctx.sql, { resource: 'providers', table: 'nexhealth.provider', where, sql, sort, perPage: query.per_page, startCursor: query.start_cursor, endCursor: query.end_cursor });
	if (page instanceof Response) return page;
	return nexOk(await withIncludes(ctx, page.rows as ProviderRow[], includes(query)), { count: page.count, pageInfo: page.pageInfo, remarks: parsed.remarks });
}

/** GET /providers/{id} (getProvidersId). */
export function readProvider(ctx: NexContext, url: URL, id: number): Promise<Response> {
	return readOne(ctx, url, id, { table: 'nexhealth.provider', label: 'Provider', extra: { 'include[]': choicesParam(PROVIDER_INCLUDES) }, format: async (row, query) => (await withIncludes(ctx, [row as ProviderRow], includes(query)))[0] });
}
