import type { SqlTx } from '../../store/Sql';
import { checkScope, type NexContext } from './nexContext';
import { MAX_ID, parseNexQuery, textParam, type QueryShape } from './nexQuery';
import { nexError, nexOk } from './nexResponse';

type Row = Record<string, unknown>;

/**
 * One record by its NexHealth id (GET /payments/{id} and the like): `subdomain` required where the
 * document requires it, `include[]` and the like read by `format`. An id of another table, or none,
 * is 404 with the words of Rails' RecordNotFound (NexHealth runs on Rails; UNCONFIRMED wording).
 */
export async function readOne(
	ctx: NexContext,
	url: URL,
	id: number,
	spec: { table: string; label: string; extra?: QueryShape; subdomain?: 'required' | 'optional'; format: (row: Row, query: Record<string, unknown>) => Promise<unknown> | unknown }
): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam(), ...spec.extra });
	if (parsed instanceof Response) return parsed;
	const query = parsed.query as Record<string, unknown> & { subdomain?: string };
	const scope = checkScope(ctx, query, { subdomain: spec.subdomain !== 'optional', location: false });
	if (scope) return scope;
	const row = id > MAX_ID ? undefined : (await ctx.sql.query<Row>(`SELECT * FROM ${spec.table} WHERE id = $1`, [id]))[0];
	if (!row || (row.location_id !== undefined && row.location_id !== ctx.practice.locationId)) return nexError(404, `Couldn't find ${spec.label} with 'id'=${id}`);
	return nexOk(await spec.format(row, query), { remarks: parsed.remarks });
}

/** Rows of `table` by id, for includes and joins done in code. */
export async function rowsById<T extends { id: number }>(tx: SqlTx, table: string, ids: readonly (number | null | undefined)[]): Promise<Map<number, T>> {
	const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
	if (wanted.length === 0) return new Map();
	const rows = await tx.query<T>(`SELECT * FROM ${table} WHERE id = ANY($1::integer[])`, [wanted]);
	return new Map(rows.map((row) => [row.id, row]));
}
