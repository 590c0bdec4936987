/**
 * Finds a payment card number in free text, however it is spelled. Paysplit never stores a card
 * number (DESIGN §6: a card payment keeps the terminal reference and last four), so free-text
 * fields refuse one and logs mask one (`maskCardNumbers`).
 *
 * The rule:
 * - A digit group is a maximal sequence of digits with no other code point between them. A run is
 *   digit groups joined by at most 3 non-alphanumeric code points (any whitespace or punctuation:
 *   NBSP, tabs, new lines, dots, slashes, combining marks, zero-width spaces). A letter (`\p{L}`) or
 *   any other alphanumeric (`\p{N}` that is not a decimal digit, e.g. "²", "Ⅻ") ends a run.
 * - Any Unicode decimal digit (`\p{Nd}`: full-width, Arabic-Indic, Devanagari, Mathematical…)
 *   counts by its numeric value.
 * - A run holds a card number when some window of 13–19 consecutive digits of it that begins at the
 *   first digit of a digit group and ends at the last digit of a digit group (it may span several
 *   groups: "4111 1111 1111 1111", "Ref 12 - 4111-1111-1111-1111 exp 12/27") passes the Luhn check
 *   and starts with a network's IIN prefix valid for that length (`NETWORKS`).
 *
 * Why group edges: a number inside a longer run of digits is not a card number ("124111111111111111"
 * is an 18-digit number; "12 4111111111111111" holds a card), which is how the card-number detectors
 * of DLP tools read digits (Trellix DLP's patterns are word-bounded, `\b(\d{4}-){3}\d{4}\b`:
 * docs.trellix.com, "Credit Card Number (Simple, dash delimited)"). Windows at any position refused
 * far too much ordinary text: on 20,000 seeded samples each (test/unit/domain/text/
 * findCardNumber.test.ts), 15-digit ACH trace numbers 2.29%, two US phone numbers joined by ", "
 * 32.6% and by " / " 15.2% — a third of the notes that hold two phone numbers. At group edges: ACH
 * 0.17%, phone pairs ", " 4.5%, " / " 2.3%. What is still refused by chance is a run whose whole
 * groups happen to form such a window (random digits pass Luhn 1 time in 10 per window with a
 * network prefix), e.g. UK numbers written "+44 (0)20 7946 0958" (10.3% under either rule).
 *
 * Cost: one pass over the text by code point, then per run O(digits × 7) window checks (only from a
 * digit that opens a group, to one that closes a group) with the Luhn sum of a window read from
 * prefix sums in O(1). No regular expression looks at more than one code point, so there is nothing
 * to backtrack.
 */

export type CardNetwork = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay';

export interface CardNumberMatch {
	/** The network of the first window found (the leftmost, and of those the longest). */
	network: CardNetwork;
	/** UTF-16 index in the text of the first digit: `text.slice(start, end)` is the number as written. */
	start: number;
	/**
	 * UTF-16 index just past the last digit. Windows that overlap the first one (a chance window
	 * overlapping a real number) are included, so masking `[start, end)` leaves none of their digits.
	 */
	end: number;
}

/**
 * IIN prefixes and lengths, as the issue gives them. Checked against published tables (Wikipedia,
 * "Payment card number", IIN table as of 2025 — Discover and Diners 2017 compliance lengths; the
 * Cybersource "Card Type Identification" page; braintree/credit-card-type `card-types.ts`):
 *
 * | network    | IIN prefixes                           | lengths    |
 * |------------|----------------------------------------|------------|
 * | Visa       | 4                                      | 13, 16, 19 |
 * | Mastercard | 51–55, 2221–2720                       | 16         |
 * | Amex       | 34, 37                                 | 15         |
 * | Discover   | 6011, 644–649, 65, 622126–622925       | 16–19      |
 * | Diners     | 300–305, 36, 38–39                     | 14–19      |
 * | JCB        | 3528–3589                              | 16–19      |
 * | UnionPay   | 62                                     | 16–19      |
 *
 * Where the sources are wider, the table is kept: braintree also lists Visa at 18 digits,
 * UnionPay at 14–15 digits and under 81, JCB's legacy 1800/2131 (15 digits), and networks not listed
 * here (Mir 2200–2204, Maestro, RuPay, Elo, Verve). Discover's 622126–622925 is also UnionPay's;
 * the first row that fits names the network.
 */
const NETWORKS: readonly { network: CardNetwork; prefixes: readonly (readonly [number, number])[]; lengths: readonly number[] }[] = [
	{ network: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
	{ network: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
	{ network: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
	{ network: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] },
	{ network: 'diners', prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
	{ network: 'jcb', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
	{ network: 'unionpay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] }
];

const MIN_LENGTH = 13;
const MAX_LENGTH = 19;
const MAX_GAP = 3;

/** The table with every prefix range widened to 6 digits (IINs of 1 to 6 digits compare as one number). */
const SIX_DIGIT_NETWORKS = NETWORKS.map(({ network, prefixes, lengths }) => ({
	network,
	ranges: prefixes.map(([low, high]) => {
		const scale = 10 ** (6 - String(low).length);
		return [low * scale, (high + 1) * scale - 1] as const;
	}),
	lengths: lengths.reduce((mask, length) => mask | (1 << length), 0)
}));

function networkOf(iin6: number, length: number): CardNetwork | null {
	for (const { network, ranges, lengths } of SIX_DIGIT_NETWORKS) {
		if ((lengths & (1 << length)) === 0) continue;
		for (const [low, high] of ranges) if (iin6 >= low && iin6 <= high) return network;
	}
	return null;
}

/** True when the text holds something that could be a full card number (see the rule above). */
export function looksLikeCardNumber(text: string): boolean {
	return findCardNumber(text) !== null;
}

/** The first card number in the text, or null. */
export function findCardNumber(text: string): CardNumberMatch | null {
	let first: CardNumberMatch | null = null;
	scan(text, (match) => {
		first = match;
		return false;
	});
	return first;
}

/** Every card number in the text, in order and not overlapping. */
export function findCardNumbers(text: string): CardNumberMatch[] {
	const matches: CardNumberMatch[] = [];
	scan(text, (match) => {
		matches.push(match);
		return true;
	});
	return matches;
}

const SEPARATOR = -1;
const OTHER_ALPHANUMERIC = -2;
const decimalDigit = /^\p{Nd}$/u;
const alphanumeric = /^[\p{L}\p{N}]$/u;
/**
 * Memos, not state: the class of each BMP code point met so far, stored + 3 (0 = not yet looked up),
 * and the value of each astral digit met so far (a few hundred exist, so the map stays small).
 */
const bmpClasses = new Int8Array(0x10000);
const astralDigits = new Map<number, number>();

/** 0–9 for a decimal digit, SEPARATOR, or OTHER_ALPHANUMERIC. */
function classify(codePoint: number): number {
	if (codePoint < 0x80) {
		if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
		if ((codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a)) return OTHER_ALPHANUMERIC;
		return SEPARATOR;
	}
	if (codePoint < 0x10000) {
		const known = bmpClasses[codePoint]!;
		if (known !== 0) return known - 3;
		const found = lookUp(codePoint);
		bmpClasses[codePoint] = found + 3;
		return found;
	}
	const known = astralDigits.get(codePoint);
	if (known !== undefined) return known;
	const found = lookUp(codePoint);
	if (found >= 0) astralDigits.set(codePoint, found);
	return found;
}

/**
 * Unicode encodes every decimal digit in blocks of ten contiguous code points, 0 to 9, and adjacent
 * blocks (U+1D7CE–U+1D7FF holds five) each start with their zero, so a digit's value is its distance
 * from the start of its contiguous `\p{Nd}` range, modulo 10 (Unicode Standard §4.6, Numeric Value).
 */
function lookUp(codePoint: number): number {
	const text = String.fromCodePoint(codePoint);
	if (decimalDigit.test(text)) {
		let rangeStart = codePoint;
		while (rangeStart > 0 && decimalDigit.test(String.fromCodePoint(rangeStart - 1))) rangeStart--;
		return (codePoint - rangeStart) % 10;
	}
	return alphanumeric.test(text) ? OTHER_ALPHANUMERIC : SEPARATOR;
}

/** Calls `onMatch` for each card number in order until it returns false. */
function scan(text: string, onMatch: (match: CardNumberMatch) => boolean): void {
	// The current run: each digit's value, the UTF-16 span of the digit, and whether it opens a digit
	// group (the first digit of the run, or one with a separator between it and the digit before).
	const digits: number[] = [];
	const starts: number[] = [];
	const ends: number[] = [];
	const opensGroup: boolean[] = [];
	let gap = 0; // non-alphanumeric code points since the run's last digit
	const endRun = (): boolean => {
		const goOn = digits.length < MIN_LENGTH || scanRun(digits, starts, ends, opensGroup, onMatch);
		digits.length = 0;
		starts.length = 0;
		ends.length = 0;
		opensGroup.length = 0;
		return goOn;
	};
	for (let index = 0; index < text.length; ) {
		let codePoint = text.charCodeAt(index);
		let width = 1;
		if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
			const low = text.charCodeAt(index + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
				width = 2;
			}
		}
		const kind = classify(codePoint);
		if (kind >= 0) {
			if (gap > MAX_GAP && !endRun()) return;
			opensGroup.push(digits.length === 0 || gap > 0);
			digits.push(kind);
			starts.push(index);
			ends.push(index + width);
			gap = 0;
		} else if (kind === OTHER_ALPHANUMERIC) {
			if (!endRun()) return;
			gap = 0;
		} else {
			gap++;
		}
		index += width;
	}
	endRun();
}

/**
 * Checks every window of 13–19 digits of one run that begins where a digit group begins and ends
 * where one ends, leftmost first. A match grows to take in every matching window that overlaps it
 * before it is reported. Returns false when `onMatch` asked to stop.
 */
function scanRun(
	digits: readonly number[],
	starts: readonly number[],
	ends: readonly number[],
	opensGroup: readonly boolean[],
	onMatch: (match: CardNumberMatch) => boolean
): boolean {
	const count = digits.length;
	// Luhn: the rightmost digit counts as is, the next one doubled (minus 9 past 9), alternating.
	// A window ending at an even index doubles its odd-index digits and vice versa, so two prefix
	// sums (mod 10) give the Luhn sum of any window by one subtraction.
	const endsEven = new Uint8Array(count + 1);
	const endsOdd = new Uint8Array(count + 1);
	for (let i = 0; i < count; i++) {
		const digit = digits[i]!;
		const doubled = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
		endsEven[i + 1] = (endsEven[i]! + (i % 2 === 0 ? digit : doubled)) % 10;
		endsOdd[i + 1] = (endsOdd[i]! + (i % 2 === 0 ? doubled : digit)) % 10;
	}
	const luhnValid = (first: number, last: number): boolean => {
		const sums = last % 2 === 0 ? endsEven : endsOdd;
		return sums[last + 1] === sums[first];
	};
	const closesGroup = (last: number): boolean => last + 1 === count || opensGroup[last + 1]!;

	let matchFirst = -1; // digit index of the match being grown, or -1
	let matchEnd = -1; // digit index just past it
	let matchNetwork: CardNetwork = 'visa';
	const report = (): boolean => onMatch({ network: matchNetwork, start: starts[matchFirst]!, end: ends[matchEnd - 1]! });

	for (let first = 0; first + MIN_LENGTH <= count; first++) {
		if (matchFirst >= 0 && first >= matchEnd) {
			if (!report()) return false;
			matchFirst = -1;
		}
		if (!opensGroup[first]) continue;
		const iin6 = digits[first]! * 100000 + digits[first + 1]! * 10000 + digits[first + 2]! * 1000 + digits[first + 3]! * 100 + digits[first + 4]! * 10 + digits[first + 5]!;
		for (let length = Math.min(MAX_LENGTH, count - first); length >= MIN_LENGTH; length--) {
			const last = first + length - 1;
			if (!closesGroup(last) || !luhnValid(first, last)) continue;
			const network = networkOf(iin6, length);
			if (network === null) continue;
			if (matchFirst < 0) {
				matchFirst = first;
				matchEnd = first + length;
				matchNetwork = network;
			} else {
				matchEnd = Math.max(matchEnd, first + length);
			}
			break;
		}
	}
	return matchFirst < 0 || report();
}
