import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SETTLEMENT_ROWS, parseSettlementCsv, type SettlementCsvRow } from '$lib/domain/clearing/parseSettlementCsv';
import { parseDollars } from '$lib/domain/clearing/parseDollars';
import { MAX_PAYMENT_CENTS } from '$lib/domain/money/cents';

const HEADER = 'reference,amount,settled_at,fee\n';

function rows(text: string): SettlementCsvRow[] {
	const result = parseSettlementCsv(text);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe('parseSettlementCsv', () => {
	it('reads rows into cents, with the fee apart and the settlement date as written', () => {
		expect(rows(`${HEADER}TRM-1,125.50,2026-11-23,3.94\nACH-77,"1,234.5",2026-11-23T17:00:00Z,\n`)).toEqual([
			{ line: 2, ok: true, reference: 'TRM-1', amountCents: 12550, feeCents: 394, settledAt: '2026-11-23' },
			{ line: 3, ok: true, reference: 'ACH-77', amountCents: 123450, feeCents: null, settledAt: '2026-11-23T17:00:00Z' }
		]);
	});

	it('accepts the header in any case, with spaces around names, after a byte-order mark, with CRLF', () => {
		const parsed = rows('\uFEFF Reference , AMOUNT,Settled_At ,fee\r\nT1,1.00,2026-11-23,0\r\n');
		expect(parsed).toEqual([{ line: 2, ok: true, reference: 'T1', amountCents: 100, feeCents: 0, settledAt: '2026-11-23' }]);
	});

	it('reads quoted fields: a reference with a comma and a quote', () => {
		expect(rows(`${HEADER}"TRM ""A"", 7","$12.00",2026-11-23,""\n`)[0]).toMatchObject({ ok: true, reference: 'TRM "A", 7', amountCents: 1200, feeCents: null });
	});

	it.each([
		['', 'The file is empty'],
		['ref,amt,date,fee\nT1,1,2026-11-23,\n', 'this file starts with "ref,amt,date,fee"'],
		['reference,amount,settled_at\nT1,1,2026-11-23\n', 'must be the header "reference,amount,settled_at,fee"'],
		['amount,reference,settled_at,fee\n', 'this file starts with "amount,reference,settled_at,fee"']
	])('refuses a file whose header is wrong (%j), naming the header it wants', (text, message) => {
		const result = parseSettlementCsv(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.code).toBe('bad_header');
			expect(result.error.message).toContain(message);
		}
	});

	it.each([
		['T1,12.345,2026-11-23,', 'amount "12.345" has fractions of a cent'],
		['T1,-5.00,2026-11-23,', 'amount "-5.00" is negative'],
		['T1,abc,2026-11-23,', 'amount "abc" is not an amount in dollars'],
		['T1,,2026-11-23,', 'amount is empty'],
		['T1,0.00,2026-11-23,', 'amount "0.00" is zero'],
		['T1,1000000.01,2026-11-23,', 'over $1,000,000.00'],
		['T1,1e3,2026-11-23,', 'amount "1e3" is not an amount'],
		['T1,10.00,23/11/2026,', 'settled_at "23/11/2026" is not an ISO date'],
		['T1,10.00,2026-02-30,', 'settled_at "2026-02-30" is not an ISO date'],
		['T1,10.00,2026-11-23T10:00:00,', 'settled_at "2026-11-23T10:00:00" is not an ISO date'],
		['T1,10.00,2026-11-23,-1', 'fee "-1" is negative'],
		['T1,10.00,2026-11-23,0.001', 'fee "0.001" has fractions of a cent'],
		[',10.00,2026-11-23,', 'reference is empty'],
		['T1,10.00,2026-11-23', 'The row has 3 fields; every row has 4'],
		['T1,10.00,2026-11-23,0,extra', 'The row has 5 fields'],
		['T1,"10.00,2026-11-23,', 'is never closed'],
		['T"1,10.00,2026-11-23,', 'inside a value that is not quoted']
	])('reports the row %j as invalid: %s', (line, message) => {
		const [row] = rows(`${HEADER}${line}\n`);
		expect(row).toMatchObject({ line: 2, ok: false });
		if (row && !row.ok) expect(row.message).toContain(message);
	});

	it('lists every problem of a row at once', () => {
		const [row] = rows(`${HEADER}T1,12.345,yesterday,x\n`);
		expect(row && !row.ok && row.message.split(';')).toHaveLength(3);
	});

	it('goes on after a bad row, and skips blank lines and rows of empty cells', () => {
		const parsed = rows(`${HEADER}T1,1.00,2026-11-23,\nT2,oops,2026-11-23,\n\n,,,\nT3,3.00,2026-11-23,\n`);
		expect(parsed.map((r) => [r.line, r.reference, r.ok])).toEqual([
			[2, 'T1', true],
			[3, 'T2', false],
			[6, 'T3', true]
		]);
	});

	it(`refuses a file of more than ${MAX_SETTLEMENT_ROWS} rows`, () => {
		const result = parseSettlementCsv(HEADER + 'T,1.00,2026-11-23,\n'.repeat(MAX_SETTLEMENT_ROWS + 1));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.code).toBe('too_many_rows');
	});
});

describe('parseDollars', () => {
	it.each([
		['125.5', 12550],
		['0.01', 1],
		['$12', 1200],
		['1,234.56', 123456],
		['12.340', 1234],
		['007.10', 710],
		[' 5 ', 500]
	])('reads "%s" as %i cents', (text, cents) => {
		expect(parseDollars(text, 'amount')).toEqual({ ok: true, value: cents });
	});

	it('reads zero only where allowed (a fee)', () => {
		expect(parseDollars('0', 'fee', { allowZero: true })).toEqual({ ok: true, value: 0 });
		expect(parseDollars('0', 'amount').ok).toBe(false);
	});

	it.each(['12.345', '1,23', '12,3456.00', '.5', '12.', '1e3', 'Infinity', '0x10', '(5.00)', '99999999999999999999999'])('refuses "%s"', (text) => {
		const result = parseDollars(text, 'amount');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain('amount');
	});

	it('reads back any amount written as dollars and cents, without a float', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: MAX_PAYMENT_CENTS }), (cents) => {
				const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
				expect(parseDollars(text, 'amount')).toEqual({ ok: true, value: cents });
			})
		);
	});
});

describe('parseSettlementCsv applies the text rule to references (issue 13)', () => {
	it('refuses a reference with a control character or a card number, and never echoes the card number', () => {
		const parsed = parseSettlementCsv('reference,amount,settled_at,fee\n"TRM\u00001",1.00,2026-11-23,\n4111.1111.1111.1111,1.00,2026-11-23,\n" Cafe\u0301 ",1.00,2026-11-23,\n');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const [nul, card, accented] = parsed.value;
		expect(nul).toMatchObject({ ok: false, message: expect.stringContaining('reference contains a control character (U+0000, NUL)') });
		expect(card).toMatchObject({ ok: false, reference: '[card number removed]', message: expect.stringContaining('reference looks like a card number') });
		expect(JSON.stringify(card)).not.toContain('4111');
		expect(accented).toMatchObject({ ok: true, reference: 'Caf\u00e9' });
	});
});
