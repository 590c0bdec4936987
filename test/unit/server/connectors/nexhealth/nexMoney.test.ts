import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToWire, paymentFromWire, paymentToWire, wireToCents } from '$lib/server/connectors/nexhealth/nexMoney';
import { nexPrice } from '$lib/server/connectors/nexhealth/nexWire';

const MAX = 999_999_999_999_999;

describe('NexHealth money: signed decimal dollars at the edge, integer cents inside', () => {
	it('cents → wire → cents is exact for any amount, and the JSON carries at most two decimals', () => {
		fc.assert(
			fc.property(fc.integer({ min: -MAX, max: MAX }), (cents) => {
				const wire = centsToWire(cents);
				const json = JSON.stringify(wire);
				expect(json).toMatch(/^-?\d+(\.\d{1,2})?$/);
				// Read back as NexHealth writes read amounts (a string) and as a JSON number.
				expect(wireToCents(json)).toEqual({ ok: true, value: cents });
				expect(wireToCents(JSON.parse(json) as number)).toEqual({ ok: true, value: cents });
			}),
			{ numRuns: 5000 }
		);
	});

	it('a payment goes out negative and a payment row read back is the same positive cents', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100_000_000 }), (cents) => {
				const wire = paymentToWire(cents);
				expect(wire).toBeLessThan(0);
				const read = wireToCents(String(wire));
				expect(read.ok && paymentFromWire(read.value)).toBe(cents);
			}),
			{ numRuns: 2000 }
		);
		expect(JSON.stringify({ amount: paymentToWire(12550) })).toBe('{"amount":-125.5}');
		expect(JSON.stringify({ amount: paymentToWire(13800) })).toBe('{"amount":-138}');
	});

	it('a wire amount with fractions of a cent is refused, naming the value', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 99 }), (dollars, thousandth, hundredths) => {
				const text = `${dollars}.${String(hundredths).padStart(2, '0')}${thousandth}`;
				const read = wireToCents(text, 'fee');
				expect(read.ok).toBe(false);
				expect(!read.ok && read.error).toBe(`fee "${text}" is not a whole number of cents in decimal dollars`);
			})
		);
		// A float that is not a decimal of whole cents, as JSON would carry it.
		expect(wireToCents(0.1 + 0.2)).toEqual({ ok: false, error: 'amount 0.30000000000000004 is not a whole number of cents in decimal dollars' });
		expect(wireToCents('12.340')).toEqual({ ok: true, value: 1234 });
		for (const bad of ['1e3', '', ' ', '12,50', '$12.50', 'NaN', '--1']) expect(wireToCents(bad).ok).toBe(false);
	});

	it('a price read from NexHealth is parsed to cents, and one with sub-cent digits fails the parse naming the value', () => {
		expect(nexPrice.parse({ amount: '-62.00', currency: 'USD' })).toBe(-6200);
		const bad = nexPrice.safeParse({ amount: '62.005', currency: 'USD' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]?.message).toContain('"62.005"');
		expect(nexPrice.safeParse({ amount: '62.00', currency: 'CAD' }).success).toBe(false);
	});

	it('writing an amount that is not whole cents is a bug, thrown', () => {
		expect(() => centsToWire(12.5)).toThrow(RangeError);
		expect(() => centsToWire(MAX + 1)).toThrow(RangeError);
	});
});
