/**
 * True when the text holds something that could be a full card number: 13 to 19 digits in a row,
 * optionally separated by single spaces or dashes. Paysplit never stores a card number, so any such
 * run in a free-text field is refused rather than guessed at (a check number is never this long).
 */
export function looksLikeCardNumber(text: string): boolean {
	const runs = text.match(/\d(?:[ -]?\d)+/g) ?? [];
	return runs.some((run) => {
		const digits = run.replace(/[ -]/g, '').length;
		return digits >= 13 && digits <= 19;
	});
}
