/**
 * The one form text is stored and compared in: NFC-normalised (so "é" typed as one character or as
 * "e" + accent is the same text), line breaks written "\n" where they are allowed, trimmed of
 * whitespace at both ends (Unicode's: no-break and ideographic spaces too). Applied by `plainText`
 * after `textProblem` found nothing wrong; idempotent, so text normalised before is unchanged.
 */
export function normalizeText(text: string, options: { lines: boolean } = { lines: false }): string {
	const normalized = text.normalize('NFC');
	const unified = options.lines ? normalized.replace(/\r\n?|[\u2028\u2029]/g, '\n') : normalized;
	return unified.trim();
}
