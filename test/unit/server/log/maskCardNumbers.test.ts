import { describe, expect, it } from 'vitest';
import { CARD_NUMBER_MASK, maskCardNumbers } from '$lib/server/log/maskCardNumbers';

describe('maskCardNumbers (the logger’s stand-in until the domain one is in main)', () => {
	it.each(['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111', '4111.1111.1111.1111', '378282246310005', '6011 0009 9013 9424 123', '4222222222222'])('masks %s, written alone or in a sentence', (card) => {
		expect(maskCardNumbers(card)).toBe(CARD_NUMBER_MASK);
		expect(maskCardNumbers(`note "card ${card}, thanks"`)).toBe(`note "card ${CARD_NUMBER_MASK}, thanks"`);
	});

	it.each([
		['a payment id with 16 digits in a row', '0190a1b2-c3d4-7e5f-8123-456789012345'],
		['an all-digit payment id', '01234567-8901-7234-9123-456789012345'],
		['12 digits', '1234 5678 9012'],
		['20 digits', '1234 5678 9012 3456 7890'],
		['two phone numbers', 'call 555-123-4567 or 555-987-6543'],
		['a timestamp', '2026-12-06T04:09:05.123Z'],
		['an amount and a check number', '$1,234.56 by check 100234']
	])('leaves %s alone', (_what, text) => {
		expect(maskCardNumbers(text)).toBe(text);
	});
});
