/** Line breaks: CR, LF, and Unicode's line and paragraph separators. */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * What makes `raw` unacceptable as text, or null: a lone UTF-16 surrogate (text cut in the middle of
 * a character, which no database or JSON parser downstream can be trusted with), a control character
 * (NUL, escape, tab, …: Unicode category Cc), or a line break in a one-line field. The message names
 * the character by its code point and position (1-based, in characters), and what is allowed.
 */
export function textProblem(raw: string, options: { lines: boolean }): string | null {
	let position = 0;
	for (let i = 0; i < raw.length; i++) {
		position += 1;
		const unit = raw.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = raw.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				i += 1;
				continue;
			}
			return `is not well-formed text: a broken character (lone surrogate ${codePoint(unit)}) at character ${position}`;
		}
		if (unit >= 0xdc00 && unit <= 0xdfff) return `is not well-formed text: a broken character (lone surrogate ${codePoint(unit)}) at character ${position}`;
		const char = raw[i] ?? '';
		if (LINE_BREAK.test(char)) {
			if (options.lines) continue;
			return `must be one line: a line break (${codePoint(unit)}) at character ${position}`;
		}
		if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
			return `contains a control character (${codePoint(unit)}${CONTROL_NAMES[unit] ? `, ${CONTROL_NAMES[unit]}` : ''}) at character ${position}: only printable text${options.lines ? ' and line breaks' : ''} is allowed`;
		}
	}
	return null;
}

const CONTROL_NAMES: Record<number, string> = { 0x00: 'NUL', 0x09: 'tab', 0x1b: 'escape', 0x7f: 'delete' };

function codePoint(unit: number): string {
	return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}
