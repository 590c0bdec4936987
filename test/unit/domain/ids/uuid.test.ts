import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUuidV7, uuidV7Schema } from '$lib/domain/ids/uuid';

describe('formatUuidV7', () => {
	it('writes a valid UUIDv7 whose first 48 bits are the time', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (ms, random) => {
				const id = formatUuidV7(ms, random);
				expect(uuidV7Schema.safeParse(id).success).toBe(true);
				expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(ms);
			}),
			{ numRuns: 1000 }
		);
	});
	it('sorts by time', () => {
		const zero = new Uint8Array(10).fill(255);
		expect(formatUuidV7(1000, zero) < formatUuidV7(1001, new Uint8Array(10))).toBe(true);
	});
	it('refuses a time that does not fit 48 bits or too little randomness', () => {
		expect(() => formatUuidV7(-1, new Uint8Array(10))).toThrow(RangeError);
		expect(() => formatUuidV7(1, new Uint8Array(4))).toThrow(RangeError);
	});
});
