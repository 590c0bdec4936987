import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvRecords } from '$lib/domain/clearing/csvRecords';

const fieldsOf = (text: string) => csvRecords(text).map((r) => r.fields);

describe('csvRecords reads CSV as RFC 4180 defines it', () => {
	it('splits fields on commas and records on CRLF, LF or CR, numbering the lines', () => {
		const records = csvRecords('a,b\r\nc,d\ne,f\rg,h');
		expect(records.map((r) => [r.line, r.fields])).toEqual([
			[1, ['a', 'b']],
			[2, ['c', 'd']],
			[3, ['e', 'f']],
			[4, ['g', 'h']]
		]);
		expect(records.every((r) => r.error === null)).toBe(true);
	});

	it('keeps commas, line breaks and doubled quotes inside quoted fields, and counts the lines they span', () => {
		const records = csvRecords('ref,note\r\n"TRM, 1","said ""hi""\r\nthen left"\r\nnext,row\r\n');
		expect(records.map((r) => r.fields)).toEqual([
			['ref', 'note'],
			['TRM, 1', 'said "hi"\r\nthen left'],
			['next', 'row']
		]);
		expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
	});

	it('drops a byte-order mark at the start (Excel\'s "CSV UTF-8")', () => {
		expect(fieldsOf('\uFEFFreference,amount\n')).toEqual([['reference', 'amount']]);
	});

	it('keeps empty fields and empty lines, and adds no record for the final line break', () => {
		expect(fieldsOf('a,,\n\n"",b\n')).toEqual([['a', '', ''], [''], ['', 'b']]);
		expect(fieldsOf('')).toEqual([]);
	});

	it('reports a quote inside an unquoted field on that record only', () => {
		const records = csvRecords('ok,1\nbad"ref,2\nok,3');
		expect(records.map((r) => r.error === null)).toEqual([true, false, true]);
		expect(records[1]!.error).toMatch(/field 1 has a quote/);
		expect(records[2]!.fields).toEqual(['ok', '3']);
	});

	it('reports text after a closing quote on that record only', () => {
		const records = csvRecords('"ab"c,1\nok,2');
		expect(records[0]!.error).toMatch(/field 1 has text after its closing quote/);
		expect(records[1]).toEqual({ line: 2, fields: ['ok', '2'], error: null });
	});

	it('reports a quote that is never closed, naming the line it opened on', () => {
		const records = csvRecords('ok,1\n"open,2\nmore,3');
		expect(records).toHaveLength(2);
		expect(records[1]!.error).toBe('the quote that opens field 1 on line 2 is never closed');
	});

	it('reads back any table written the RFC 4180 way (every field quoted, quotes doubled)', () => {
		const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', '"', '\r\n', '\n', ' ', 'é') });
		const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
		fc.assert(
			fc.property(table, fc.constantFrom('\r\n', '\n'), (rows, eol) => {
				const text = rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join(eol) + eol;
				const records = csvRecords(text);
				expect(records.map((r) => r.fields)).toEqual(rows);
				expect(records.every((r) => r.error === null)).toBe(true);
			})
		);
	});
});
