import { z } from 'zod';
import { isIsoDate } from '$lib/domain/dates/isoDate';
import { plainText } from '$lib/domain/text/plainText';
import { nexError } from './nexResponse';

/**
 * The fake's query parameters, each checked before it reaches the database (the demo PMS learned this,
 * issue 13): ids are NexHealth's int32 (1 – 2147483647), booleans "true"/"false", times ISO 8601,
 * text one line of well-formed Unicode. A bad value is a 400 naming the parameter and what it takes;
 * a parameter the endpoint does not have is ignored with a remark in `error`, as NexHealth does.
 */
export const MAX_ID = 2_147_483_647;
export const MAX_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 5;

const idText = (min: number) =>
	z.string().transform((text, ctx) => {
		const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
		if (!(value >= min && value <= MAX_ID)) {
			ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${MAX_ID}` });
			return z.NEVER;
		}
		return value;
	});

/** A NexHealth id (int32 in the document). */
export const idParam = idText(1);

export const boolParam = z.string().transform((text, ctx) => {
	const lower = text.toLowerCase();
	if (lower === 'true' || lower === '1') return true;
	if (lower === 'false' || lower === '0') return false;
	ctx.addIssue({ code: 'custom', message: 'must be true or false' });
	return z.NEVER;
});

export const textParam = (max = 255) => plainText({ max, cardNumbers: 'allow' });

/** "2024-04-12T10:30:00Z", "2024-04-12T10:30:00.123-04:00", "2024-04-12T10:30" (UTC) or "2024-04-12" (its start, UTC). */
export const dateTimeParam = z.string().transform((text, ctx) => {
	const date = parseDateTime(text);
	if (!date) {
		ctx.addIssue({ code: 'custom', message: 'must be a date and time in ISO 8601, e.g. 2024-04-12T10:30:00Z' });
		return z.NEVER;
	}
	return date;
});

export function parseDateTime(text: string): Date | null {
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
	if (!match || !isIsoDate(match[1] ?? '') || (match[1] ?? '') < '1000-01-01') return null;
	const [, day, hh = '00', mm = '00', ss = '00', fraction = '', zone = 'Z'] = match;
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
	const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
	if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return null;
	const date = new Date(`${day}T${hh}:${mm}:${ss}${fraction.slice(0, 4)}${offset}`);
	return Number.isFinite(date.getTime()) ? date : null;
}

export const dateParam = z.string().refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });

export const perPageParam = z.string().transform((text, ctx) => {
	const value = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
	if (!(value >= 1 && value <= MAX_PER_PAGE)) {
		ctx.addIssue({ code: 'custom', message: `must be a whole number from 1 to ${MAX_PER_PAGE} (the most NexHealth returns in one page)` });
		return z.NEVER;
	}
	return value;
});

export const cursorParam = z.string().max(200, { message: 'is not a cursor this API returned' });

/** `name[]` parameters: every value one of `values`. */
export const choicesParam = <const V extends readonly [string, ...string[]]>(values: V) => z.array(z.enum(values, { message: `does not have a valid value (one of ${values.join(', ')})` })).max(50);

export const idListParam = z.array(idParam).max(1000, { message: 'must list at most 1000 ids' });

export type QueryShape = Record<string, z.ZodType<unknown, string> | z.ZodType<unknown, string[]>>;
type Parsed<S extends QueryShape> = { [K in keyof S]?: z.output<S[K]> };

/**
 * Reads `url`'s query by `shape` (a zod schema per parameter; names ending in "[]" take every value,
 * the others exactly one). Every parameter is optional here: the endpoint says which it requires, so
 * that the refusal can say what NexHealth says. Unknown parameters become remarks.
 */
export function parseNexQuery<S extends QueryShape>(url: URL, shape: S): { query: Parsed<S>; remarks: string[] } | Response {
	const query: Record<string, unknown> = {};
	const problems: string[] = [];
	const unknown: string[] = [];
	for (const name of new Set(url.searchParams.keys())) {
		const schema = shape[name];
		if (!schema) {
			unknown.push(name);
			continue;
		}
		const values = url.searchParams.getAll(name);
		const isList = name.endsWith('[]');
		if (!isList && values.length > 1) {
			problems.push(`${name} is given ${values.length} times: give it once`);
			continue;
		}
		const parsed = (schema as z.ZodType).safeParse(isList ? values : values[0]);
		if (parsed.success) query[name] = parsed.data;
		else problems.push(`${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
	}
	if (problems.length > 0) return nexError(400, problems.slice(0, 10));
	const remarks = unknown.slice(0, 10).map((name) => `${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} is not a parameter of this endpoint and was ignored`);
	return { query: query as Parsed<S>, remarks };
}
