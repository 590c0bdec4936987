import { findCardNumbers } from './findCardNumber';

/** What a masked card number becomes. It has letters and no digit, so it ends any run of digits. */
export const CARD_NUMBER_MASK = '[card number removed]';

/**
 * The text with every card number `findCardNumber` sees replaced by `CARD_NUMBER_MASK` (for logs).
 *
 * The result holds no card number: this one pass gives what replacing the first match and searching
 * again until none is found gives, without searching the text once per card. The mask's letters end
 * the run, so the digits before a match were already checked (no window starting there matched) and
 * the windows after it are the ones `findCardNumbers` goes on to check. A match begins and ends at the
 * edge of a digit group, so the digits next to it already closed or opened a group: masking changes
 * no window's eligibility.
 */
export function maskCardNumbers(text: string): string {
	let masked = '';
	let from = 0;
	for (const { start, end } of findCardNumbers(text)) {
		masked += text.slice(from, start) + CARD_NUMBER_MASK;
		from = end;
	}
	return from === 0 ? text : masked + text.slice(from);
}
