import { checkScope, type NexContext } from './nexContext';
import { formatType, type TypeRow } from './nexFormat';
import { pageRows, sqlParams } from './nexPaging';
import { boolParam, cursorParam, dateTimeParam, idParam, parseNexQuery, perPageParam, textParam } from './nexQuery';
import { nexOk } from './nexResponse';
import { readOne } from './readOne';

type TypeTable = 'payment_type' | 'adjustment_type';

/**
 * GET /payment_types and /adjustment_types (getPaymentTypes, getAdjustmentTypes): the PMS's types
 * at one location, active ones unless `active=false` asks for the others (the document's default
 * true). A payment must name one of these for the same location (payment_type_id), or NexHealth
 * refuses it: "Payment Type with id 1 not found in location 456" (docs troubleshooting-payments).
 */
export async function readTypes(ctx: NexContext, url: URL, table: TypeTable): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam(), location_id: idParam, updated_since: dateTimeParam, active: boolParam, start_cursor: cursorParam, end_cursor: cursorParam, per_page: perPageParam });
	if (parsed instanceof Response) return parsed;
	const { query } = parsed;
	const scope = checkScope(ctx, query, { subdomain: true, location: true });
	if (scope) return scope;
	const sql = sqlParams();
	const where = [`location_id = ${sql.p(query.location_id)}`, `active = ${sql.p(query.active ?? true)}`];
	if (query.updated_since) where.push(`updated_at >= ${sql.p(query.updated_since)}`);
	const page = await pageRows(ctx.sql, { resource: `${table}s`, table: `nexhealth.${table}`, where, sql, sort: 'id', perPage: query.per_page, startCursor: query.start_cursor, endCursor: query.end_cursor });
	if (page instanceof Response) return page;
	return nexOk(page.rows.map((row) => formatType(row as TypeRow)), { count: page.count, pageInfo: page.pageInfo, remarks: parsed.remarks });
}

/** GET /payment_types/{id} and /adjustment_types/{id}. */
export function readType(ctx: NexContext, url: URL, table: TypeTable, id: number): Promise<Response> {
	return readOne(ctx, url, id, { table: `nexhealth.${table}`, label: table === 'payment_type' ? 'PaymentType' : 'AdjustmentType', format: (row) => formatType(row as TypeRow) });
}
