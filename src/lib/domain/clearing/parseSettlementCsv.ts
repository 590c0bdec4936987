import type { Cents } from '../money/cents';
import { isIsoDate, isoTimestampSchema } from '../dates/isoDate';
import { err, ok, type Result } from '../result';
import { csvRecords } from './csvRecords';
import { parseDollars } from './parseDollars';
import { findCardNumber } from '../text/findCardNumber';
import { maskCardNumbers } from '../text/maskCardNumbers';
import { normalizeText } from '../text/normalizeText';
import { CARD_NUMBER_MESSAGE } from '../text/plainText';
import { textProblem } from '../text/textProblem';

/** The header a settlement file must start with (DESIGN §6), compared trimmed and case-insensitively. */
export const SETTLEMENT_CSV_HEADER = ['reference', 'amount', 'settled_at', 'fee'] as const;
/** More rows than a practice settles in months; a bigger file is split, not processed for minutes. */
export const MAX_SETTLEMENT_ROWS = 10_000;
const MAX_REFERENCE_LENGTH = 200;

export type SettlementCsvRow =
	| { line: number; ok: true; reference: string; amountCents: Cents; feeCents: Cents | null; settledAt: string }
	| { line: number; ok: false; reference: string; message: string };

export type SettlementCsvError = { code: 'bad_header' | 'too_many_rows'; message: string };

/**
 * Reads a settlement file (`reference,amount,settled_at,fee`; amounts in decimal dollars, dates ISO)
 * into rows. Only a missing or wrong header, or too many rows, refuses the file; a bad row comes back
 * as `ok: false` with every problem it has, so the import reports it and goes on. Blank lines
 * (spreadsheets leave them, or rows of empty cells) are skipped.
 */
export function parseSettlementCsv(text: string): Result<SettlementCsvRow[], SettlementCsvError> {
	const [header, ...records] = csvRecords(text);
	const expected = SETTLEMENT_CSV_HEADER.join(',');
	if (!header) return err({ code: 'bad_header', message: `The file is empty: its first line must be the header "${expected}".` });
	const found = header.fields.map((f) => f.trim().toLowerCase());
	if (header.error || found.join(',') !== expected) {
		const shown = header.fields.join(',');
		return err({ code: 'bad_header', message: `The first line must be the header "${expected}"; this file starts with "${shown.length > 120 ? `${shown.slice(0, 120)}…` : shown}".` });
	}
	const rows = records.filter((r) => r.fields.some((f) => f.trim() !== '') || r.error);
	if (rows.length > MAX_SETTLEMENT_ROWS) {
		return err({ code: 'too_many_rows', message: `The file has ${rows.length} rows; import at most ${MAX_SETTLEMENT_ROWS} at a time (split it by date).` });
	}
	return ok(
		rows.map((record): SettlementCsvRow => {
			const cell = record.fields[0] ?? '';
			// The text rule (text/plainText): a reference with a control or broken character is refused,
			// and one that is a card number is refused and never echoed back.
			const referenceProblem = textProblem(cell, { lines: false }) ?? (findCardNumber(cell) ? CARD_NUMBER_MESSAGE : null);
			const reference = referenceProblem ? maskCardNumbers(cell).trim() : normalizeText(cell);
			const invalid = (message: string): SettlementCsvRow => ({ line: record.line, ok: false, reference, message });
			if (record.error) return invalid(`The row is not valid CSV: ${record.error}.`);
			if (record.fields.length !== SETTLEMENT_CSV_HEADER.length) {
				return invalid(`The row has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}; every row has ${SETTLEMENT_CSV_HEADER.length}: ${expected} (leave fee empty if there is none).`);
			}
			const [, amountText = '', settledAtText = '', feeText = ''] = record.fields;
			const problems: string[] = [];
			if (referenceProblem) problems.push(`reference ${referenceProblem}`);
			else if (reference === '') problems.push('reference is empty: write the card terminal reference or the ACH reference of the payment');
			else if (reference.length > MAX_REFERENCE_LENGTH) problems.push(`reference is ${reference.length} characters long; at most ${MAX_REFERENCE_LENGTH} are allowed`);
			const amount = parseDollars(amountText, 'amount');
			if (!amount.ok) problems.push(amount.error);
			const settledAt = settledAtText.trim();
			if (!isIsoDate(settledAt) && !isoTimestampSchema.safeParse(settledAt).success) {
				problems.push(`settled_at "${settledAt}" is not an ISO date: write 2026-11-23, or a time with its zone such as 2026-11-23T14:05:00Z`);
			}
			const fee = feeText.trim() === '' ? null : parseDollars(feeText, 'fee', { allowZero: true });
			if (fee && !fee.ok) problems.push(fee.error);
			if (problems.length > 0 || !amount.ok || (fee && !fee.ok)) return invalid(`${problems.join('; ')}.`);
			return { line: record.line, ok: true, reference, amountCents: amount.value, feeCents: fee ? fee.value : null, settledAt };
		})
	);
}

