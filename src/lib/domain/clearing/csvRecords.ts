/** One record of a CSV text: the line it starts on (1-based), its fields, and what is wrong with it. */
export type CsvRecord = { line: number; fields: string[]; error: string | null };

/**
 * Splits CSV text into records as RFC 4180 defines them (https://www.rfc-editor.org/rfc/rfc4180):
 * fields separated by commas, records by CRLF (LF or CR alone are accepted too, since spreadsheets
 * on every system write them); a field in double quotes may hold commas, line breaks and doubled
 * quotes (""). A byte-order mark at the start (Excel's "CSV UTF-8") is dropped.
 * Malformed quoting spoils only its own record, which comes back with an `error`, so that one bad
 * row never hides the others; only a quote left open runs to the end of the text, as the RFC reads.
 */
export function csvRecords(input: string): CsvRecord[] {
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
	const records: CsvRecord[] = [];
	let i = 0;
	let line = 1;
	while (i < text.length) {
		const record: CsvRecord = { line, fields: [], error: null };
		const fail = (message: string) => {
			record.error ??= message;
		};
		for (;;) {
			const fieldNumber = record.fields.length + 1;
			let value = '';
			if (text[i] === '"') {
				const openedOn = line;
				i++;
				let closed = false;
				while (i < text.length) {
					const ch = text[i];
					if (ch === '"') {
						if (text[i + 1] === '"') {
							value += '"';
							i += 2;
							continue;
						}
						i++;
						closed = true;
						break;
					}
					if (ch === '\r' || ch === '\n') {
						// A line break inside quotes belongs to the value; count it for later line numbers.
						const width = ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
						value += text.slice(i, i + width);
						i += width;
						line++;
						continue;
					}
					value += ch;
					i++;
				}
				if (!closed) fail(`the quote that opens field ${fieldNumber} on line ${openedOn} is never closed`);
				// After the closing quote only a comma or the end of the line may follow.
				const end = nextDelimiter(text, i);
				if (end > i) {
					fail(`field ${fieldNumber} has text after its closing quote: quote the whole field and double any quote inside it ("")`);
					i = end;
				}
			} else {
				const end = nextDelimiter(text, i);
				value = text.slice(i, end);
				if (value.includes('"')) fail(`field ${fieldNumber} has a quote (") inside a value that is not quoted: quote the whole field and double the quote ("")`);
				i = end;
			}
			record.fields.push(value);
			if (text[i] === ',') {
				i++;
				continue;
			}
			if (text[i] === '\r' || text[i] === '\n') {
				i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
				line++;
			}
			break;
		}
		records.push(record);
	}
	return records;
}

function nextDelimiter(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const ch = text[i];
		if (ch === ',' || ch === '\r' || ch === '\n') return i;
	}
	return text.length;
}
