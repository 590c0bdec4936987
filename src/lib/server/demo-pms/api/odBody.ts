import { z } from 'zod';
import { issuePath } from '$lib/domain/api/issuePath';
import { readRawBody } from '../../clearing/readRawBody';
import { dollarsTextToCents } from '../../opendental/odMoney';
import { isOdDate, isOdDateTime } from './odDates';
import { MAX_AMOUNT_CENTS, MAX_BODY_BYTES, MAX_KEY, TEXT_MAX } from './odBounds';
import { odError } from './odResponse';

/**
 * The body of a demo PMS write, read and parsed at the door (issue 13): JSON sent as
 * `Content-Type: application/json` (Open Dental requires it on every request, §0), at most
 * MAX_BODY_BYTES, well-formed UTF-8, an object; then its fields by `schema`. Every failure is a
 * Response in Open Dental's refusal shape naming the field and what is allowed; the caller writes
 * nothing until this returned its typed value.
 */
export async function parseOdBody<S extends z.ZodType<Record<string, unknown>>>(request: Request, schema: S): Promise<z.output<S> | Response> {
	const raw = await readOdBody(request);
	if (raw instanceof Response) return raw;
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	// Open Dental names one problem at a time ("PatNum is required.").
	return odError(400, `${bodyProblems(parsed.error, raw)[0] ?? 'The request body is invalid'}.`);
}

/**
 * Each problem as "field what is wrong": `PayNote contains a control character (U+0000, NUL) at
 * character 2: …`, `PatNum must be a whole number from 0 to 9007199254740991`. A field that is
 * absent "is required"; one of the wrong type says what it must be (zod 4's issues do not carry the
 * input, so absence is read from the body itself).
 */
export function bodyProblems(error: z.ZodError, body: unknown): string[] {
	return error.issues.map((issue) => {
		const path = issuePath(issue.path);
		const where = path === '(root)' ? 'The request body' : path;
		// Names the first few unknown fields, cut short: the answer must not grow with what was sent.
		if (issue.code === 'unrecognized_keys') return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.slice(0, 5).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)).join(', ')}${issue.keys.length > 5 ? ', …' : ''}`;
		const absent = issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined;
		return `${where} ${absent ? 'is required' : issue.message}`;
	});
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	let at = value;
	for (const key of path) {
		if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
		at = (at as Record<PropertyKey, unknown>)[key];
	}
	return at;
}

/** The body as a JSON object, or the refusal: 415 without JSON's Content-Type, 413 when too large, else 400. */
export async function readOdBody(request: Request): Promise<Record<string, unknown> | Response> {
	if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
		return odError(415, 'The request body must be JSON, sent with Content-Type: application/json.');
	}
	let bytes: Buffer;
	try {
		const raw = await readRawBody(request, MAX_BODY_BYTES, 'an Open Dental API request');
		if (!raw.ok) return odError(raw.status, raw.message);
		bytes = raw.bytes;
	} catch {
		// The stream failed while being read: the caller went away, or the upload was cut off.
		return odError(400, 'The request body could not be read to its end.');
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return odError(400, 'The request body is not valid UTF-8.');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return odError(400, 'The request body is not valid JSON.');
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return odError(400, 'The request body must be a JSON object.');
	return value as Record<string, unknown>;
}

const KEY_RULE = `must be a whole number from 0 to ${MAX_KEY}`;

/**
 * A key (PatNum, PayType, …): a JSON number, or (Open Dental's payment ClinicNum quirk) decimal
 * digits as text, from 0 to MAX_KEY.
 */
export const odKeyField = z.unknown().transform((value, ctx) => {
	const key = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	if (!Number.isSafeInteger(key) || key < 0 || key > MAX_KEY) {
		ctx.addIssue({ code: 'custom', message: KEY_RULE });
		return z.NEVER;
	}
	// -0 (JSON allows it) is the key 0.
	return key + 0;
});

/**
 * An amount in dollars → integer cents: a JSON number or numeric text ("129.99", as Open Dental
 * accepts both), in whole cents, at most MAX_AMOUNT_CENTS either way. Read digit by digit, never
 * through a float; the sign is checked by the caller, which has Open Dental's message for it.
 */
export const odAmountField = z.unknown().transform((value, ctx) => {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	const cents = text.length <= 32 ? dollarsTextToCents(text) : null;
	if (cents === null || Math.abs(cents) > MAX_AMOUNT_CENTS) {
		ctx.addIssue({ code: 'custom', message: `must be an amount in dollars with at most 2 decimals, up to ${MAX_AMOUNT_CENTS / 100}` });
		return z.NEVER;
	}
	return cents;
});

/** Open Dental's booleans: "true"/"false" as text (any case) or JSON booleans; other text is false, as before. */
export const odBoolField = z
	.union([z.boolean(), z.string().max(TEXT_MAX.choice)], { error: 'must be "true" or "false"' })
	.transform((value) => (typeof value === 'boolean' ? value : value.trim().toLowerCase() === 'true'));

/** A value compared with a list of allowed ones (Mode_, commType, …): text of bounded length. */
export const odChoiceField = z.string({ error: 'must be text' }).max(TEXT_MAX.choice, { message: `must be at most ${TEXT_MAX.choice} characters` });

/** "yyyy-MM-dd", a real date from 0001-01-01 on. */
export const odDateField = z.string({ error: 'format must be yyyy-MM-dd' }).refine(isOdDate, { message: 'format must be yyyy-MM-dd' });

/** "yyyy-MM-dd HH:mm:ss", a real date and time. */
export const odDateTimeField = z.string({ error: 'format must be yyyy-MM-dd HH:mm:ss' }).refine(isOdDateTime, { message: 'format must be yyyy-MM-dd HH:mm:ss' });
