import type { Procedure } from '../ledger/ledger';

/**
 * Each procedure's code as its rank in rule 2's code order: 0 for a procedure without one (which
 * comes first), then the distinct codes by UTF-16 text from 1 to `count − 1`. A ledger uses a few
 * dozen codes, so this sorts those, not the procedures, and the order of charges then compares
 * two small numbers instead of two strings.
 */
export function codeRanks(procedures: readonly Procedure[], size: number): { ranks: Int32Array; count: number } {
	const numbers = new Map<string, number>();
	const first = new Int32Array(size);
	for (let index = 0; index < procedures.length; index++) {
		const code = (procedures[index] as Procedure).code;
		if (code === undefined) continue;
		let number = numbers.get(code);
		if (number === undefined) {
			number = numbers.size + 1;
			numbers.set(code, number);
		}
		first[index] = number;
	}
	const codes = [...numbers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const rankOf = new Int32Array(codes.length + 1);
	for (let rank = 0; rank < codes.length; rank++) rankOf[numbers.get(codes[rank] as string) as number] = rank + 1;
	const ranks = first;
	for (let index = 0; index < procedures.length; index++) ranks[index] = rankOf[first[index] as number] as number;
	return { ranks, count: codes.length + 1 };
}
