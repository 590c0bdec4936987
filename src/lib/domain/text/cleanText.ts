import { normalizeText } from './normalizeText';

/**
 * Text from an outside system that Paysplit cannot refuse (a patient's name in the PMS), made safe to
 * store and show: control characters dropped (line breaks kept), broken characters (lone UTF-16
 * surrogates) replaced by U+FFFD, then normalised as all stored text is (`normalizeText`). What people
 * type into Paysplit is refused instead (`plainText`), so they can fix it.
 */
export function cleanText(text: string): string {
	// eslint-disable-next-line no-control-regex
	const printable = text.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
	return normalizeText(printable.toWellFormed(), { lines: true });
}
