import { z } from 'zod';
import type { SqlTx } from '../../store/Sql';
import { DEFAULT_PER_PAGE } from './nexQuery';
import { nexError, type PageInfo } from './nexResponse';

/**
 * NexHealth's cursor paging (docs.nexhealth.com/v20240412/reference/pagination): `per_page` (the
 * document's default 5, at most 1000), `end_cursor` to page forward ("fetches all records after the
 * specified cursor"), `start_cursor` to page back ("all records before"), and `page_info` with the
 * cursors of the page's first and last record. The next page is `end_cursor=<page_info.end_cursor>`
 * of this one; the last page has `has_next_page: false`. Records come in a stable order: by id, or
 * by `updated_at` then id where the endpoint documents `sort=updated_at` / `-updated_at`.
 *
 * A cursor is opaque to the caller: base64url of the list it belongs to, its sort and its record's
 * keys. One from another list, or another sort, is refused rather than silently misread.
 */
export type SortKey = 'id' | '-id' | 'updated_at' | '-updated_at';

const cursorSchema = z.strictObject({ r: z.string().max(40), s: z.enum(['id', '-id', 'updated_at', '-updated_at']), i: z.number().int().min(0).max(2_147_483_647), k: z.iso.datetime().optional() });

/** Positional parameters built alongside the SQL text: `p(value)` adds one and returns its `$n`. */
export function sqlParams() {
	const params: unknown[] = [];
	return { params, p: (value: unknown) => `$${params.push(value)}` };
}
export type SqlParams = ReturnType<typeof sqlParams>;

/**
 * `sort` as the endpoint documents it ("Optional comma-separated string of fields to sort on. Include
 * a leading dash for descending order"), one field: the fake keeps id as the tie-breaker. Absent: by id.
 */
export function parseSort(text: string | undefined, allowed: readonly SortKey[]): SortKey | Response {
	if (text === undefined || text === '') return 'id';
	if ((allowed as readonly string[]).includes(text)) return text as SortKey;
	return nexError(400, `sort "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not supported here: use ${allowed.map((s) => `"${s}"`).join(' or ')}`);
}

type Row = Record<string, unknown>;

/**
 * One page of `table` under `where` (built with `sql`'s `p`), with the total and page_info. `resource`
 * names the list in its cursors.
 */
export async function pageRows(
	tx: SqlTx,
	list: { resource: string; table: string; where: string[]; sql: SqlParams; sort: SortKey; perPage?: number | undefined; startCursor?: string | undefined; endCursor?: string | undefined }
): Promise<{ rows: Row[]; count: number; pageInfo: PageInfo } | Response> {
	const { resource, table, sort } = list;
	if (list.startCursor !== undefined && list.endCursor !== undefined) return nexError(400, 'start_cursor and end_cursor cannot be given together: send end_cursor to page forward, start_cursor to page back');
	const given = list.endCursor ?? list.startCursor;
	const cursor = given === undefined ? null : decodeCursor(given, resource, sort);
	if (cursor instanceof Response) return cursor;
	const perPage = list.perPage ?? DEFAULT_PER_PAGE;
	const filters = list.where.length > 0 ? list.where : ['true'];
	const base = list.sql.params;
	const countRows = await tx.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE ${filters.join(' AND ')}`, base);

	const desc = sort.startsWith('-');
	const byTime = sort.endsWith('updated_at');
	const key = byTime ? '(updated_at, id)' : 'id';
	type Position = { i: number; k?: string | undefined };
	/** The filters and, past them, one condition on the position (each query its own parameters: PostgreSQL refuses unused ones). */
	const query = (extra: (p: (value: unknown) => string) => string) => {
		const params = [...base];
		const p = (value: unknown) => `$${params.push(value)}`;
		return { where: [...filters, extra(p)].join(' AND '), params };
	};
	/** Rows after (in the list's order) position `c`, or before it. */
	const beyond = (c: Position, direction: 'after' | 'before') => (p: (value: unknown) => string) => `${key} ${(direction === 'after') !== desc ? '>' : '<'} ${byTime ? `(${p(c.k)}::timestamptz, ${p(c.i)}::integer)` : `${p(c.i)}::integer`}`;
	const order = (reverse: boolean) => {
		const dir = desc !== reverse ? 'DESC' : 'ASC';
		return byTime ? `updated_at ${dir}, id ${dir}` : `id ${dir}`;
	};
	const backward = list.startCursor !== undefined;
	const page = query(cursor ? beyond(cursor, backward ? 'before' : 'after') : () => 'true');
	const fetched = await tx.query<Row>(`SELECT * FROM ${table} WHERE ${page.where} ORDER BY ${order(backward)} LIMIT ${perPage + 1}`, page.params);
	const more = fetched.length > perPage;
	const rows = fetched.slice(0, perPage);
	if (backward) rows.reverse();
	const position = (row: Row): Position => ({ i: Number(row.id), k: row.updated_at instanceof Date ? row.updated_at.toISOString() : undefined });
	const exists = async (condition: (p: (value: unknown) => string) => string) => {
		const probe = query(condition);
		return (await tx.query(`SELECT 1 FROM ${table} WHERE ${probe.where} LIMIT 1`, probe.params)).length > 0;
	};
	const not = (condition: (p: (value: unknown) => string) => string) => (p: (value: unknown) => string) => `NOT (${condition(p)})`;
	const first = rows[0];
	const last = rows.at(-1);
	let hasPrevious: boolean;
	let hasNext: boolean;
	if (backward) {
		hasPrevious = more;
		hasNext = last ? await exists(beyond(position(last), 'after')) : cursor ? await exists(not(beyond(cursor, 'before'))) : false;
	} else {
		hasNext = more;
		hasPrevious = first ? await exists(beyond(position(first), 'before')) : cursor ? await exists(not(beyond(cursor, 'after'))) : false;
	}
	return {
		rows,
		count: countRows[0]?.n ?? 0,
		pageInfo: {
			has_previous_page: hasPrevious,
			has_next_page: hasNext,
			start_cursor: first ? encodeCursor(resource, sort, position(first)) : null,
			end_cursor: last ? encodeCursor(resource, sort, position(last)) : null
		}
	};
}

function encodeCursor(resource: string, sort: SortKey, at: { i: number; k?: string | undefined }): string {
	const value = sort.endsWith('updated_at') ? { r: resource, s: sort, i: at.i, k: at.k } : { r: resource, s: sort, i: at.i };
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(text: string, resource: string, sort: SortKey): { i: number; k?: string | undefined } | Response {
	const refuse = (why: string) => nexError(400, `The cursor "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" ${why}: send a start_cursor or end_cursor from this list's page_info`);
	if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return refuse('is not a cursor this API returned');
	let value: unknown;
	try {
		value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
	} catch {
		return refuse('is not a cursor this API returned');
	}
	const parsed = cursorSchema.safeParse(value);
	if (!parsed.success) return refuse('is not a cursor this API returned');
	if (parsed.data.r !== resource) return refuse(`belongs to another list (${parsed.data.r})`);
	if (parsed.data.s !== sort) return refuse(`was made for sort=${parsed.data.s}`);
	if (sort.endsWith('updated_at') && parsed.data.k === undefined) return refuse('is not a cursor this API returned');
	return { i: parsed.data.i, k: parsed.data.k };
}
