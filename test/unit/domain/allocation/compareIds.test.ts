import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '$lib/domain/allocation/compareIds';

describe('compareIds (allocation.md rule 2)', () => {
	it('orders whole numbers by value, equal values by text, then the others by UTF-16 text', () => {
		const ids = ['abc', '10', 'B', '7', '007', '2', '-1', '07', '9a', '0', '00', 'é', 'Z', '99999999999999999999', '100000000000000000000'];
		expect([...ids].sort(compareIds)).toEqual([
			'0', '00', '2', '007', '07', '7', '10', '99999999999999999999', '100000000000000000000',
			'-1', '9a', 'B', 'Z', 'abc', 'é'
		]);
	});

	it('is a total order: antisymmetric, transitive and 0 only for the same id', () => {
		const id = fc.oneof(fc.stringMatching(/^[0-9]{1,4}$/), fc.string({ minLength: 1, maxLength: 4 }));
		fc.assert(
			fc.property(id, id, id, (a, b, c) => {
				expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
				expect(compareIds(a, b) === 0).toBe(a === b);
				if (compareIds(a, b) < 0 && compareIds(b, c) < 0) expect(compareIds(a, c)).toBeLessThan(0);
			}),
			{ numRuns: 1000 }
		);
	});
});
