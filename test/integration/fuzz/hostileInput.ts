import fc from 'fast-check';

/**
 * Arbitraries for hostile input (issue 13's fuzz suite): text with control characters, NULs, lone
 * surrogates and card numbers in any spelling; numbers JSON cannot hold exactly; deep nesting; wrong
 * types. Shared by the endpoint cases in `writeEndpoints.test.ts`.
 */

/** Pieces that have broken a text field before: NUL, controls, lone surrogates, odd spaces and marks, bidi overrides. */
const NASTY = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\ud83d', '\n', '\r\n', '\t', '\u2028', '\u00a0', '\u3000', '\ufeff', '\u202e', '\u0301', '\uffff', '%00', "'; DROP TABLE payment; --", '${7*7}', '<script>alert(1)</script>', '../../etc/passwd', '\\'];

/** A valid card number (Luhn, a network prefix) of a card length. */
export const cardNumber = fc
	.record({
		prefix: fc.constantFrom('4', '51', '55', '2221', '2720', '34', '37', '6011', '65', '36', '3528', '62'),
		length: fc.constantFrom(16, 16, 15, 13, 19),
		body: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 })
	})
	.map(({ prefix, length, body }) => {
		const lengthFor = prefix === '34' || prefix === '37' ? 15 : prefix.startsWith('4') ? [13, 16, 19].includes(length) ? length : 16 : 16;
		const digits = [...prefix].map(Number);
		while (digits.length < lengthFor - 1) digits.push(body[digits.length] ?? 0);
		digits.push(luhnCheckDigit(digits));
		return digits;
	});

/** A card number written as staff might paste it: separators, full-width or Arabic-Indic digits. */
export const writtenCardNumber = fc.tuple(cardNumber, fc.constantFrom(' ', '-', '.', '  ', '\u00a0', '/', '\t', ''), fc.constantFrom(0x30, 0xff10, 0x0660)).map(([digits, separator, zero]) =>
	digits
		.map((d, i) => String.fromCharCode(zero + d) + (i % 4 === 3 && i < digits.length - 1 ? separator : ''))
		.join('')
);

function luhnCheckDigit(body: readonly number[]): number {
	let sum = 0;
	for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
		const d = body[i]!;
		sum += double ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
	}
	return (10 - (sum % 10)) % 10;
}

/** Text a hostile user could send: ordinary words spiced with nasty pieces, card numbers, or very long. */
export const hostileText = fc.oneof(
	{ weight: 4, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...NASTY)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
	{ weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), writtenCardNumber, fc.string({ maxLength: 8 })).map(([a, card, b]) => `${a} ${card} ${b}`) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.integer({ min: 501, max: 20_000 }).map((n) => 'x'.repeat(n)) },
	{ weight: 1, arbitrary: fc.constantFrom('', ' ', '   ') }
);

/** A JSON value of the wrong kind, or a number JSON or a database cannot hold exactly. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: hostileText },
	{ weight: 2, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 53, 2 ** 64, -(2 ** 63), 0.1, -0, 1e-300, 12.345, -1, 0, 100_000_001) },
	{ weight: 1, arbitrary: fc.double() },
	{ weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $ne: null }) },
	{ weight: 1, arbitrary: fc.integer({ min: 2, max: 2_000 }).map(deepArray) },
	{ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }
);

function deepArray(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}

/**
 * A body derived from a valid `template`: one to three fields (at any depth) replaced by hostile
 * values, removed, or joined by an unknown field. The rest stays valid, so each run probes one
 * rule rather than failing on the first field.
 */
export function mutated(template: Record<string, unknown>): fc.Arbitrary<unknown> {
	const paths = fieldPaths(template);
	const change = fc.record({ path: fc.constantFrom(...paths), how: fc.constantFrom('replace', 'replace', 'replace', 'remove', 'add'), value: hostileValue, name: fc.constantFrom('extra', '__proto__', 'constructor', 'cardNumber') });
	return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
		const body = structuredClone(template) as Record<string, unknown>;
		for (const { path, how, value, name } of changes) {
			const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body);
			if (!parent || typeof parent !== 'object') continue;
			const key = path.at(-1)!;
			if (how === 'remove') delete (parent as Record<string, unknown>)[key];
			else if (how === 'add') Object.defineProperty(parent, name, { value, enumerable: true, configurable: true, writable: true });
			else (parent as Record<string, unknown>)[key] = value;
		}
		return body;
	});
}

function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
	if (!value || typeof value !== 'object') return [prefix];
	const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
	const inner = entries.flatMap(([key, child]) => fieldPaths(child, [...prefix, key]));
	return prefix.length === 0 ? inner : [prefix, ...inner];
}

/** A request body as raw text: JSON of a hostile value, or bytes that are not JSON (or not UTF-8) at all. */
export const hostileRawBody = fc.oneof(
	{ weight: 3, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
	{ weight: 1, arbitrary: fc.constantFrom('{"payments": [', '{', 'null', '[]', '"x"', '1e999', '{"a":1e999}', '{"payments":[{"amount":123456789012345678901234567890}]}', '\u0000', '{"__proto__":{"polluted":true}}') },
	{ weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')) }
);
