import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '$lib/domain/api/errorBody';
import { cleanText } from '$lib/domain/text/cleanText';
import { normalizeText } from '$lib/domain/text/normalizeText';
import { plainText } from '$lib/domain/text/plainText';

const one = plainText({ max: 20 });
const note = plainText({ max: 50, lines: true });
const problem = (schema: ReturnType<typeof plainText>, value: unknown) => {
	const parsed = schema.safeParse(value);
	return parsed.success ? null : issuesOf(parsed.error)[0]!.message;
};

describe('plainText: the one rule for text that crosses a boundary', () => {
	it('refuses a NUL, a control character or a tab, naming the character and where it is', () => {
		expect(problem(one, 'ab\u0000c')).toBe('contains a control character (U+0000, NUL) at character 3: only printable text is allowed');
		expect(problem(one, 'a\u001bb')).toBe('contains a control character (U+001B, escape) at character 2: only printable text is allowed');
		expect(problem(note, 'a\tb')).toBe('contains a control character (U+0009, tab) at character 2: only printable text and line breaks is allowed');
	});

	it('refuses a lone surrogate (text cut in the middle of a character), at either half', () => {
		expect(problem(one, 'x\ud800')).toBe('is not well-formed text: a broken character (lone surrogate U+D800) at character 2');
		expect(problem(one, '\udc00x')).toBe('is not well-formed text: a broken character (lone surrogate U+DC00) at character 1');
		expect(one.parse('smile \ud83d\ude00')).toBe('smile \ud83d\ude00');
	});

	it('allows line breaks only where the field does, and stores them as \\n', () => {
		expect(problem(one, 'a\nb')).toBe('must be one line: a line break (U+000A) at character 2');
		expect(note.parse('first\r\nsecond\u2028third')).toBe('first\nsecond\nthird');
	});

	it('trims and NFC-normalises, then counts characters (not UTF-16 units) against the limit', () => {
		expect(one.parse('\u00a0 Cafe\u0301 \u3000')).toBe('Caf\u00e9');
		expect(one.parse('😀'.repeat(20))).toHaveLength(40);
		expect(problem(one, 'x'.repeat(21))).toBe('must be at most 20 characters (it has 21)');
		expect(problem(plainText({ max: 5, min: 1 }), '   ')).toBe('must not be empty');
	});

	it('refuses a card number in any spelling without echoing it', () => {
		const message = problem(note, 'card was 4111.1111.1111.1111, thanks');
		expect(message).toMatch(/^looks like a card number/);
		expect(message).not.toContain('4111');
	});

	it('says what the value should be when it is not text at all', () => {
		expect(problem(one, 12)).toBe('must be text');
	});

	it('its output passes it again unchanged (normalising is idempotent)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
				const parsed = note.safeParse(text);
				if (parsed.success) expect(note.parse(parsed.data)).toBe(parsed.data);
			})
		);
	});
});

describe('cleanText: text from the PMS, made safe rather than refused', () => {
	it('drops control characters, replaces broken characters, keeps line breaks, normalises', () => {
		expect(cleanText(' Jos\u0065\u0301\u0000 Smith\u0007\r\nJr.\ud800 ')).toBe('Jos\u00e9 Smith\nJr.\ufffd');
	});

	it('always gives text that the strict rule accepts (as a note)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
				const cleaned = cleanText(text);
				expect(plainText({ max: 1000, lines: true, cardNumbers: 'allow' }).safeParse(cleaned).success).toBe(true);
				expect(normalizeText(cleaned, { lines: true })).toBe(cleaned);
			})
		);
	});
});
