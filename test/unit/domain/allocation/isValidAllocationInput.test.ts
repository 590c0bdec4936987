import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationInputSchema } from '$lib/domain/allocation/allocationInput';
import { isValidAllocationInput } from '$lib/domain/allocation/isValidAllocationInput';
import { arbitraryAllocationInput } from './arbitraryAllocationInput';

const fixtureDir = fileURLToPath(new URL('../../../fixtures/allocation/', import.meta.url));
const fixtureInputs = readdirSync(fixtureDir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => (JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')) as { input: unknown }).input);

const DELETE = Symbol('delete the key');
const HOLE = Symbol('leave a hole in the array');
const ADD = Symbol('add an unknown key');
/** Values that sit on or beyond an edge of some field of the schema. */
const replacements: unknown[] = [
	DELETE, HOLE, ADD, undefined, null, '', 'x', 'x'.repeat(64), 'x'.repeat(65), 0, -0, 1, -1, 1.5, Number.NaN, Infinity,
	2 ** 53 - 1, 2 ** 53, -(2 ** 53), true, false, {}, [], [{}], 'complete', 'treatment_planned', 'preauth', 'received', 'allocate',
	'2024-02-29', '2023-02-29', '2024-02-30', '2024-04-31', '2024-12-31', '2024-13-01', '2024-00-10', '2024-01-00', '0000-01-01',
	'9999-12-31', '2100-02-29', '2000-02-29', '2024-1-05', '2024/01/05', '2024-01-05 ', ' 2024-01-05', '２０２４-01-05', '2024-01-0a',
	new Date(0), Object.create({ id: '1' }), new (class Entry {})()
];

/** Every (container, key) in a JSON-like tree, for picking a place to break. */
function places(root: unknown): [Record<PropertyKey, unknown>, PropertyKey][] {
	const found: [Record<PropertyKey, unknown>, PropertyKey][] = [];
	const walk = (value: unknown) => {
		if (typeof value !== 'object' || value === null) return;
		for (const key of Object.keys(value)) {
			const container = value as Record<PropertyKey, unknown>;
			found.push([container, Array.isArray(value) ? Number(key) : key]);
			walk(container[key]);
		}
	};
	walk(root);
	return found;
}

function broken(input: unknown, where: number, replacement: unknown): unknown {
	const copy = structuredClone(input);
	const all = places(copy);
	const place = all[where % Math.max(1, all.length)];
	if (!place) return copy;
	const [container, key] = place;
	if (replacement === DELETE) delete container[key];
	else if (replacement === HOLE) {
		if (Array.isArray(container)) delete container[key as number];
		else container[key] = [, {}];
	} else if (replacement === ADD) container.unexpected = 'field';
	else container[key] = replacement;
	return copy;
}

describe('isValidAllocationInput, the fast path of parseAllocationInput, agrees with allocationInputSchema', () => {
	// Taking valid input as it is only stands while the schema's output is its input: a schema that
	// came to trim, default or convert a field would fail these first.
	it('accepts every fixture input, which the schema returns unchanged', () => {
		for (const input of fixtureInputs) {
			expect(isValidAllocationInput(input)).toBe(true);
			expect(allocationInputSchema.parse(input)).toStrictEqual(input);
		}
	});

	it('accepts 2,000 generated valid inputs (so valid input never pays for zod), which the schema returns unchanged', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput(), (input) => {
				expect(isValidAllocationInput(input)).toBe(true);
				expect(allocationInputSchema.parse(input)).toStrictEqual(input);
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives the schema\'s answer on 20,000 inputs broken in one place (a field removed, retyped, out of range, a hole, an extra key)', () => {
		const cases = fc.tuple(fc.oneof(arbitraryAllocationInput(), fc.constantFrom(...fixtureInputs)), fc.nat(), fc.constantFrom(...replacements));
		fc.assert(
			fc.property(cases, ([input, where, replacement]) => {
				const candidate = broken(input, where, replacement);
				const schemaSays = allocationInputSchema.safeParse(candidate).success;
				const fastSays = isValidAllocationInput(candidate);
				// Never "valid" where the schema refuses; and on plain data, the same answer (a "not sure"
				// on valid plain data would only cost speed, but would hide a drift from the schema).
				expect(fastSays, JSON.stringify(candidate)).toBe(schemaSays);
			}),
			{ numRuns: 20_000 }
		);
	});

	it('leaves class instances, subclassed arrays and throwing getters to the schema', () => {
		const [base] = fixtureInputs as Record<string, any>[];
		class Payment {
			patientId = '10';
			amount = 100;
			payDate = '2024-01-01';
			clinicId = null;
		}
		class Entries<T> extends Array<T> {}
		const hostile = { ...base, get payment(): never { throw new Error('no') } };
		expect(isValidAllocationInput({ ...base, payment: new Payment() })).toBe(false);
		expect(isValidAllocationInput({ ...base, ledger: { ...base?.ledger, splits: Entries.from(base?.ledger.splits ?? []) } })).toBe(false);
		expect(isValidAllocationInput(hostile)).toBe(false);
	});
});
