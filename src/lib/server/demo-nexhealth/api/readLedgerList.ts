import { checkScope, type NexContext } from './nexContext';
import { pageRows, parseSort, sqlParams, type SortKey } from './nexPaging';
import { boolParam, cursorParam, dateTimeParam, idParam, parseNexQuery, perPageParam, textParam, type QueryShape } from './nexQuery';
import { nexError, nexOk } from './nexResponse';

type Row = Record<string, unknown>;

/**
 * A ledger list the way NexHealth's v20240412 ledger endpoints work (GET /charges, /adjustments,
 * /payments, /guarantor_balances' sibling lists): scoped to `subdomain` and `location_id` (both
 * required), narrowed by id filters of which at least one (or `updated_since`) is required, deleted
 * rows only with `include_deleted=true`, sorted by id or `updated_at`, paged by cursor.
 */
export type LedgerListSpec = {
	/** The list's name in cursors and answers ("payments"). */
	resource: string;
	table: string;
	/** Id filters: query parameter → column. */
	idFilters: Record<string, string>;
	/** Text filters: query parameter → column (exact match). */
	textFilters?: Record<string, string>;
	/** At least one of these must be given (the document's "at least one filter is required"). */
	requireOneOf: string[];
	sortable: readonly SortKey[];
	/** Other parameters the endpoint documents (include[], …), read by `format`. */
	extra?: QueryShape;
	/** Row → entity; `query` is the parsed query, for includes. */
	format: (rows: Row[], query: Record<string, unknown>) => Promise<unknown[]> | unknown[];
};

export async function readLedgerList(ctx: NexContext, url: URL, spec: LedgerListSpec): Promise<Response> {
	const shape: QueryShape = {
		subdomain: textParam(),
		location_id: idParam,
		updated_since: dateTimeParam,
		include_deleted: boolParam,
		sort: textParam(100),
		start_cursor: cursorParam,
		end_cursor: cursorParam,
		per_page: perPageParam,
		...Object.fromEntries(Object.keys(spec.idFilters).map((name) => [name, idParam])),
		...Object.fromEntries(Object.keys(spec.textFilters ?? {}).map((name) => [name, textParam()])),
		...spec.extra
	};
	const parsed = parseNexQuery(url, shape);
	if (parsed instanceof Response) return parsed;
	const query = parsed.query as Record<string, unknown> & { subdomain?: string; location_id?: number; updated_since?: Date; include_deleted?: boolean; sort?: string; start_cursor?: string; end_cursor?: string; per_page?: number };
	const scope = checkScope(ctx, query, { subdomain: true, location: true });
	if (scope) return scope;
	if (!spec.requireOneOf.some((name) => query[name] !== undefined)) {
		// Grape's wording for `at_least_one_of`, NexHealth's API framework.
		return nexError(400, `${spec.requireOneOf.join(', ')} are missing, at least one parameter must be provided`);
	}
	const sort = parseSort(query.sort, spec.sortable);
	if (sort instanceof Response) return sort;
	const sql = sqlParams();
	const where = [`location_id = ${sql.p(query.location_id)}`];
	if (!query.include_deleted) where.push('deleted_at IS NULL');
	for (const [name, column] of Object.entries({ ...spec.idFilters, ...spec.textFilters })) {
		if (query[name] !== undefined) where.push(`${column} = ${sql.p(query[name])}`);
	}
	if (query.updated_since) where.push(`updated_at >= ${sql.p(query.updated_since)}`);
	const page = await pageRows(ctx.sql, { resource: spec.resource, table: spec.table, where, sql, sort, perPage: query.per_page, startCursor: query.start_cursor, endCursor: query.end_cursor });
	if (page instanceof Response) return page;
	return nexOk(await spec.format(page.rows, query), { count: page.count, pageInfo: page.pageInfo, remarks: parsed.remarks });
}

/** `include[]` as a set, from a parsed query. */
export const includes = (query: Record<string, unknown>): Set<string> => new Set((query['include[]'] as string[] | undefined) ?? []);
