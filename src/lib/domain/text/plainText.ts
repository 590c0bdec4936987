import { z } from 'zod';
import { findCardNumber } from './findCardNumber';
import { normalizeText } from './normalizeText';
import { textProblem } from './textProblem';

export type PlainTextOptions = {
	/** The most characters (Unicode code points, after trimming and normalising) the field may hold. */
	max: number;
	/** At least this many characters (default 0). 1 makes the field "must not be empty". */
	min?: number;
	/** Whether line breaks are allowed (notes). They are stored as "\n". Default: one line. */
	lines?: boolean;
	/**
	 * Whether to refuse anything that looks like a card number (default: refuse). Only fields that can
	 * never hold free text a person typed turn it off (ids, codes), never a note, name or reference.
	 */
	cardNumbers?: 'refuse' | 'allow';
};

export const CARD_NUMBER_MESSAGE = 'looks like a card number: Paysplit never stores card numbers (record the terminal reference, brand and last four only)';

/**
 * The one rule for every string that crosses a boundary (issue 13): well-formed Unicode (no lone
 * UTF-16 surrogate), no control characters (line breaks only where `lines` allows them), trimmed and
 * NFC-normalised, within `max` characters, and — for text a person types — no card number in any
 * spelling. The output is the normalised text, so what is stored and compared is always one form.
 *
 * Messages say what is wrong and what is allowed, never echoing a card number back.
 */
export function plainText(options: PlainTextOptions) {
	const { max, min = 0, lines = false, cardNumbers = 'refuse' } = options;
	return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') }).transform((raw, ctx) => {
		const problem = textProblem(raw, { lines });
		if (problem) {
			ctx.addIssue({ code: 'custom', message: problem });
			return z.NEVER;
		}
		const text = normalizeText(raw, { lines });
		const length = [...text].length;
		if (length < min) {
			ctx.addIssue({ code: 'custom', message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` });
			return z.NEVER;
		}
		if (length > max) {
			ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters (it has ${length})` });
			return z.NEVER;
		}
		if (cardNumbers === 'refuse' && findCardNumber(text)) {
			ctx.addIssue({ code: 'custom', message: CARD_NUMBER_MESSAGE });
			return z.NEVER;
		}
		return text;
	});
}

/** A required one-line field: `plainText({ max, min: 1 })`. */
export function requiredText(max: number, options: Omit<PlainTextOptions, 'max' | 'min'> = {}) {
	return plainText({ ...options, max, min: 1 });
}
