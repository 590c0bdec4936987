import { describe, expect, it } from 'vitest';
import { parseMoney } from '$lib/domain/money/parseMoney';

describe('parseMoney', () => {
	it.each([
		['12.5', 1250],
		['$1,234.56', 123456],
		['0.01', 1],
		['.5', 50],
		['12.', 1200],
		['  $ 40 ', 4000],
		['1000000', 100_000_000],
		['1,000,000.00', 100_000_000],
		['007.10', 710]
	])('reads "%s" as %i cents', (text, expected) => {
		expect(parseMoney(text)).toEqual({ ok: true, value: expected });
	});

	it.each([
		['1.005', 'too_many_decimals'],
		['-3', 'negative'],
		['$-3', 'negative'],
		['abc', 'not_a_number'],
		['', 'empty'],
		['   ', 'empty'],
		['1000000.01', 'too_large'],
		['99999999999999999999999', 'too_large'],
		['0', 'zero'],
		['0.00', 'zero'],
		['1,23', 'not_a_number'],
		['12,3456.00', 'not_a_number'],
		['1e3', 'not_a_number'],
		['.', 'not_a_number'],
		['$', 'not_a_number'],
		['12.3.4', 'not_a_number'],
		['0x10', 'not_a_number'],
		['Infinity', 'not_a_number']
	])('refuses "%s" (%s) with a message that names it', (text, code) => {
		const result = parseMoney(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.code).toBe(code);
			expect(result.error.message.length).toBeGreaterThan(10);
		}
	});
});
