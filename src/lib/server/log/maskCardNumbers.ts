/**
 * A stand-in until `src/lib/domain/text/maskCardNumbers.ts` (being written beside this change) reaches
 * main: same name, same signature, same mask, so swapping it is one import. This one is simpler: a
 * run of 13 to 19 digits, single spaces, dashes or dots allowed between them, standing on its own.
 *
 * "On its own": a run glued to a letter, directly or by a dash, is part of an identifier — a payment
 * id (UUIDv7, "…-8123-456789012345") can hold 16 digits in a row — and masking it would cost the
 * log the one thing support searches it by. A card number written in text stands apart.
 */
export const CARD_NUMBER_MASK = '[card number removed]';

const RUN = /\d(?:[ .-]?\d)*/g;
const WORD = /[\p{L}\p{N}_]/u;
const LETTER = /[\p{L}_]/u;

export function maskCardNumbers(text: string): string {
	return text.replace(RUN, (run, offset: number) => {
		const digits = run.replace(/[ .-]/g, '').length;
		if (digits < 13 || digits > 19) return run;
		const before = text.slice(Math.max(0, offset - 2), offset);
		const after = text.slice(offset + run.length, offset + run.length + 2);
		if (glued(before.at(-1), before.at(-2)) || glued(after.at(0), after.at(1))) return run;
		return CARD_NUMBER_MASK;
	});
}

/** `next` is the character beside the run, `then` the one beyond it. */
function glued(next: string | undefined, then: string | undefined): boolean {
	if (next === undefined) return false;
	if (WORD.test(next)) return true;
	return next === '-' && then !== undefined && LETTER.test(then);
}
