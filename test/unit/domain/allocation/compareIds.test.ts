import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '$lib/domain/allocation/compareIds';
import { dayNumber } from '$lib/domain/allocation/dayNumber';
import { wholeIdValue } from '$lib/domain/allocation/wholeIdValue';
import { compareIdsByTheRule } from './referenceAllocate';

const id = fc.oneof(fc.stringMatching(/^[0-9]{1,4}$/), fc.stringMatching(/^[0-9]{14,17}$/), fc.string({ minLength: 1, maxLength: 4 }));

describe('compareIds (allocation.md rule 2)', () => {
	it('orders whole numbers by value, equal values by text, then the others by UTF-16 text', () => {
		const ids = ['abc', '10', 'B', '7', '007', '2', '-1', '07', '9a', '0', '00', 'é', 'Z', '99999999999999999999', '100000000000000000000'];
		expect([...ids].sort(compareIds)).toEqual([
			'0', '00', '2', '007', '07', '7', '10', '99999999999999999999', '100000000000000000000',
			'-1', '9a', 'B', 'Z', 'abc', 'é'
		]);
	});

	it('is a total order: antisymmetric, transitive and 0 only for the same id', () => {
		fc.assert(
			fc.property(id, id, id, (a, b, c) => {
				expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
				expect(compareIds(a, b) === 0).toBe(a === b);
				if (compareIds(a, b) < 0 && compareIds(b, c) < 0) expect(compareIds(a, c)).toBeLessThan(0);
			}),
			{ numRuns: 1000 }
		);
	});

	it('agrees with the naive reference order (values compared as BigInt)', () => {
		fc.assert(
			fc.property(id, id, (a, b) => {
				expect(Math.sign(compareIds(a, b))).toBe(Math.sign(compareIdsByTheRule(a, b)));
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('the sort shortcuts agree with rule 2', () => {
	it('wholeIdValue orders two plain whole-number ids as compareIds does, and is NaN for every other id', () => {
		fc.assert(
			fc.property(id, id, (a, b) => {
				const x = wholeIdValue(a);
				const y = wholeIdValue(b);
				const plain = (text: string) => /^(0|[1-9][0-9]{0,14})$/.test(text);
				expect(Number.isNaN(x)).toBe(!plain(a));
				if (!Number.isNaN(x) && !Number.isNaN(y)) expect(Math.sign(x - y)).toBe(Math.sign(compareIds(a, b)));
			}),
			{ numRuns: 5000 }
		);
	});

	it('dayNumber orders dates as their text does', () => {
		const date = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(date, date, (a, b) => {
				expect(Math.sign(dayNumber(a) - dayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
			}),
			{ numRuns: 5000 }
		);
	});
});
