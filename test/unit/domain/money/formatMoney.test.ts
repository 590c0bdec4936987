import { describe, expect, it } from 'vitest';
import { formatMoney } from '$lib/domain/money/formatMoney';
import { parseMoney } from '$lib/domain/money/parseMoney';
import fc from 'fast-check';

describe('formatMoney', () => {
	it.each([
		[0, '$0.00'],
		[1, '$0.01'],
		[1250, '$12.50'],
		[123456, '$1,234.56'],
		[-4550, '-$45.50'],
		[100_000_000, '$1,000,000.00'],
		[900719925474099, '$9,007,199,254,740.99']
	])('writes %i cents as %s', (cents, text) => {
		expect(formatMoney(cents)).toBe(text);
	});

	it('refuses a float: amounts are whole cents', () => {
		expect(() => formatMoney(12.5)).toThrow(/whole number of cents/);
	});

	it('round-trips with parseMoney for every amount staff can enter', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100_000_000 }), (cents) => {
				expect(parseMoney(formatMoney(cents))).toEqual({ ok: true, value: cents });
			}),
			{ numRuns: 2000 }
		);
	});
});
