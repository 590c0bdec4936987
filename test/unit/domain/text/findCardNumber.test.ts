import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCardNumber, findCardNumbers, looksLikeCardNumber } from '$lib/domain/text/findCardNumber';
import { CARD_NUMBER_MASK, maskCardNumbers } from '$lib/domain/text/maskCardNumbers';
import { createPrng, type Prng } from '$lib/domain/random/createPrng';
import { formatMoney } from '$lib/domain/money/formatMoney';

// The table, written out again here so the tests do not trust the implementation's copy.
const NETWORKS = [
	{ network: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
	{ network: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
	{ network: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
	{ network: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] },
	{ network: 'diners', prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
	{ network: 'jcb', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
	{ network: 'unionpay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] }
] as const;

/** The digit that makes `body` + it pass the Luhn check. */
function luhnCheckDigit(body: readonly number[]): number {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		const digit = body[body.length - 1 - i]!;
		sum += i % 2 === 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
	}
	return (10 - (sum % 10)) % 10;
}

const luhnValid = (digits: readonly number[]) => luhnCheckDigit(digits.slice(0, -1)) === digits[digits.length - 1];

/**
 * The windows the rule looks at in one run, given as its digit groups: every concatenation of
 * consecutive whole groups that is 13 to 19 digits long (a window begins at the first digit of a
 * group and ends at the last digit of a group).
 */
function windowsOf(groups: readonly (readonly number[])[]): number[][] {
	const windows: number[][] = [];
	for (let first = 0; first < groups.length; first++) {
		let window: number[] = [];
		for (let last = first; last < groups.length && window.length + groups[last]!.length <= 19; last++) {
			window = window.concat(groups[last]!);
			if (window.length >= 13) windows.push(window);
		}
	}
	return windows;
}

/** True when a network's IIN prefix and lengths fit the window (whatever its Luhn sum). */
const hasNetworkPrefix = (window: readonly number[]) =>
	NETWORKS.some(
		(n) => (n.lengths as readonly number[]).includes(window.length) && n.prefixes.some(([low, high]) => {
			const prefix = Number(window.slice(0, String(low).length).join(''));
			return prefix >= low && prefix <= high;
		})
	);

/** True when some window of the run is a card number by the rule (a slow oracle). */
const hasCardWindow = (groups: readonly (readonly number[])[]) => windowsOf(groups).some((window) => luhnValid(window) && hasNetworkPrefix(window));

/** Zeros of digit scripts: ASCII, full-width, Arabic-Indic, extended Arabic-Indic, Devanagari, Bengali, Thai, Mathematical bold and monospace. */
const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7f6];
const SEPARATORS = [' ', '\t', '\n', '.', '/', '-', '\u00a0', '\u2007', '\u3000', ',', '_'];
const WORDS = ['paid', 'card', 'Visa', 'ref', 'note', 'patient', 'called', 'back', 'Zahlung', 'reçu', 'número', 'تم', 'दिया', 'カード', 'OK', 'x'];

const digitIn = (zero: number, digit: number) => String.fromCodePoint(zero + digit);
const separator = fc.string({ unit: fc.constantFrom(...SEPARATORS), minLength: 0, maxLength: 3 });
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 4 }).map((list) => list.join(' '));

/** A valid card number of any network and length: its prefix, a random body and the Luhn check digit. */
const cardDigits = fc
	.constantFrom(...NETWORKS)
	.chain((n) => fc.tuple(fc.constant(n.network), fc.constantFrom(...n.prefixes), fc.constantFrom(...n.lengths)))
	.chain(([network, [low, high], length]) =>
		fc.tuple(fc.constant(network), fc.integer({ min: low, max: high }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - String(low).length - 1, maxLength: length - String(low).length - 1 }))
	)
	.map(([network, prefix, body]) => {
		const digits = [...String(prefix)].map(Number).concat(body);
		return { network, digits: [...digits, luhnCheckDigit(digits)] };
	});

/** Digits written in a random script each, with 0–3 separators after each but the last. */
const spelled = (digits: readonly number[]) =>
	fc.tuple(fc.array(fc.constantFrom(...ZEROS), { minLength: digits.length, maxLength: digits.length }), fc.array(separator, { minLength: digits.length, maxLength: digits.length })).map(([zeros, gaps]) =>
		digits.map((d, i) => digitIn(zeros[i]!, d) + (i < digits.length - 1 ? gaps[i] : '')).join('')
	);

const someDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 12 }).chain(spelled);
/**
 * What joins other digits to a card so that the card's first and last digits stay at the edges of
 * their digit groups: 1–3 separators, or text with a letter.
 */
const groupEdge = fc.oneof(fc.string({ unit: fc.constantFrom(...SEPARATORS), minLength: 1, maxLength: 3 }), fc.constantFrom('x', ' ref ', 'No.', '-ok-'));

describe('findCardNumber refuses a card number however it is written', () => {
	it('every network and length, any separators and digit scripts, inside ordinary text with digits around it (not directly against it)', () => {
		// Digits before or after the card are joined to it by a separator or a letter: digits written
		// directly against it make a longer number, which is not a card number (see the example below).
		const embedded = cardDigits.chain(({ network, digits }) =>
			fc.record({
				network: fc.constant(network),
				before: fc.tuple(words, fc.constantFrom('', ' ', ': '), someDigits).chain(([w, colon, d]) => (d === '' ? separator : groupEdge).map((edge) => w + colon + d + edge)),
				card: spelled(digits),
				after: fc.tuple(someDigits, fc.constantFrom('', ' ', '. '), words).chain(([d, dot, w]) => (d === '' ? separator : groupEdge).map((edge) => edge + d + dot + w))
			})
		);
		fc.assert(
			fc.property(embedded, ({ before, card, after }) => {
				const text = before + card + after;
				expect(looksLikeCardNumber(text)).toBe(true);
				// Some match covers the whole card, so masking removes all of its digits.
				const [start, end] = [before.length, before.length + card.length];
				expect(findCardNumbers(text).some((m) => m.start <= start && m.end >= end)).toBe(true);
				expect(findCardNumber(maskCardNumbers(text))).toBeNull();
			}),
			{ numRuns: 3000 }
		);
	});

	it('names the network of a card written alone', () => {
		fc.assert(
			fc.property(cardDigits, ({ network, digits }) => {
				const text = digits.join('');
				// 622126–622925 is both Discover's and UnionPay's; the first row of the table names it.
				const expected = network === 'unionpay' && Number(text.slice(0, 6)) >= 622126 && Number(text.slice(0, 6)) <= 622925 ? 'discover' : network;
				expect(findCardNumber(text)).toEqual({ network: expected, start: 0, end: text.length });
			}),
			{ numRuns: 2000 }
		);
	});

	it.each([
		['dots', '4111.1111.1111.1111'],
		['slashes', '4111/1111/1111/1111'],
		['tabs', '4111\t1111\t1111\t1111'],
		['new lines', 'card:\n4111\n1111\n1111\n1111\nthanks'],
		['two spaces', '4111  1111  1111  1111'],
		['three mixed separators', '4111 - 1111 - 1111 - 1111'],
		['no-break spaces', '4111\u00a01111\u00a01111\u00a01111'],
		['full-width digits', '４１１１ １１１１ １１１１ １１１１'],
		['Arabic-Indic digits', '٤١١١ ١١١١ ١١١١ ١١١١'],
		['Devanagari digits', '४१११ ११११ ११११ ११११'],
		['Mathematical digits (outside the BMP: bold, monospace, sans-serif)', [0x1d7d2, 0x1d7cf, 0x1d7cf, 0x1d7cf, 0x20, 0x1d7f7, 0x1d7f7, 0x1d7f7, 0x1d7f7, 0x20, 0x1d7e3, 0x1d7e3, 0x1d7e3, 0x1d7e3, 0x20, 0x31, 0x31, 0x31, 0x31].map((c) => String.fromCodePoint(c)).join('')],
		['keycap emoji', [...'4111111111111111'].map((d) => `${d}\ufe0f\u20e3`).join('')],
		['zero-width spaces', '4111\u200b1111\u200b1111\u200b1111'],
		['a letter right before it', 'ref4111111111111111'],
		['digits right before it', 'ref 12 4111111111111111'],
		['digits after a dash before it and a date after it', 'Ref 12 - 4111-1111-1111-1111 exp 12/27'],
		['an Amex number', 'Amex 3782 822463 10005'],
		['a 19-digit Visa', '4000 0000 0000 0000 006']
	])('refuses one written with %s', (_, text) => {
		expect(looksLikeCardNumber(text)).toBe(true);
	});

	it('refuses a card with a separated number before or after it, not one inside a longer number', () => {
		// A window begins and ends at the edges of digit groups: "124111111111111111" is an 18-digit
		// number (no window of it is a card number), while "12 4111111111111111" holds one.
		expect(findCardNumber('124111111111111111')).toBeNull();
		expect(findCardNumber('12 4111111111111111')).toEqual({ network: 'visa', start: 3, end: 19 });
		expect(findCardNumber('4111111111111111 2027')).toEqual({ network: 'visa', start: 0, end: 16 });
		expect(findCardNumber('41111111111111112027')).toBeNull();
	});

	it('gives the UTF-16 span of the digits, so a caller can mask them', () => {
		const mathBold = (digits: string) => [...digits].map((d) => String.fromCodePoint(0x1d7ce + Number(d))).join('');
		const text = `card ${mathBold('4111')} 1111 1111 1111 ok`;
		const match = findCardNumber(text);
		expect(match).toEqual({ network: 'visa', start: 5, end: text.length - 3 });
		expect(text.slice(match!.start, match!.end)).toBe(`${mathBold('4111')} 1111 1111 1111`);
	});
});

describe('findCardNumber lets ordinary text through', () => {
	it.each([
		['a Luhn-invalid 16-digit number', '4111 1111 1111 1112'],
		['a 16-digit number with no network prefix', '9111 1111 1111 1113'],
		['a card number broken by a letter', '4111 1111 x 1111 1111'],
		['a card number broken by four separators', '4111 1111    1111 1111'],
		['a card number broken by a superscript digit (another alphanumeric)', '4111 1111²1111 1111'],
		['a 12-digit reference', 'ref 123456789012'],
		['a check number', 'check 1042']
	])('passes %s', (_, text) => {
		expect(looksLikeCardNumber(text)).toBe(false);
		expect(findCardNumber(text)).toBeNull();
	});

	const passes = (arbitrary: fc.Arbitrary<string>) =>
		fc.assert(
			fc.property(fc.tuple(words, arbitrary, words), ([before, middle, after]) => {
				expect(findCardNumber(`${before} ${middle} ${after}`)).toBeNull();
			}),
			{ numRuns: 1000 }
		);

	it('notes made of words', () => {
		passes(fc.array(fc.constantFrom(...WORDS, ',', '.', '!', '—', '(', ')', '$'), { maxLength: 30 }).map((list) => list.join(' ')));
	});

	it('amounts ("$1,234.56", "1234.56", "1 234,56 €")', () => {
		const cents = fc.integer({ min: 1, max: 99_999_999_999 });
		passes(fc.oneof(cents.map((c) => formatMoney(c)), cents.map((c) => (c / 100).toFixed(2)), cents.map((c) => formatMoney(c, 'fr-FR', 'EUR'))));
	});

	it('dates (2026-12-06, 12/06/2026, 06.12.2026)', () => {
		const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true });
		const pad = (n: number) => String(n).padStart(2, '0');
		passes(
			date.chain((d) => {
				const [y, m, day] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
				return fc.constantFrom(`${y}-${m}-${day}`, `${m}/${day}/${y}`, `${day}.${m}.${y}`, `${y}${m}${day}`);
			})
		);
	});

	it('check numbers of 1 to 10 digits', () => {
		passes(fc.tuple(fc.constantFrom('check', 'check #', 'chk no.'), fc.stringMatching(/^\d{1,10}$/)).map(([label, number]) => `${label} ${number}`));
	});

	it('terminal references (letters and up to 12 digits: TRM-000123456789)', () => {
		passes(fc.tuple(fc.stringMatching(/^[A-Z]{1,5}$/), fc.constantFrom('', '-', ' ', '#'), fc.stringMatching(/^\d{1,12}$/)).map((parts) => parts.join('')));
	});

	it('one phone number in a common format (US, UK, French, German, Chinese)', () => {
		passes(fc.oneof(usPhone, ukPhone, fc.stringMatching(/^\+33 [1-9]( \d{2}){4}$/), fc.stringMatching(/^\+49 30 \d{8}$/), fc.stringMatching(/^\+86 1\d{2} \d{4} \d{4}$/)));
	});

	it('two phone numbers joined by words (" or ", " and ")', () => {
		passes(fc.tuple(fc.oneof(usPhone, ukPhone), fc.constantFrom(' or ', ' and ', ' or else '), fc.oneof(usPhone, ukPhone)).map((parts) => parts.join('')));
	});
});

/** US numbers in the ways staff write them. */
const usPhoneFormats = [
	(a: string, e: string, l: string) => `+1 (${a}) ${e}-${l}`,
	(a: string, e: string, l: string) => `(${a}) ${e}-${l}`,
	(a: string, e: string, l: string) => `${a}.${e}.${l}`,
	(a: string, e: string, l: string) => `${a}-${e}-${l}`,
	(a: string, e: string, l: string) => `+1 ${a} ${e} ${l}`,
	(a: string, e: string, l: string) => `${a}${e}${l}`
];
const usPhone = fc
	.tuple(fc.stringMatching(/^[2-9]\d{2}$/), fc.stringMatching(/^[2-9]\d{2}$/), fc.stringMatching(/^\d{4}$/), fc.constantFrom(...usPhoneFormats))
	.map(([area, exchange, line, format]) => format(area, exchange, line));
/** UK numbers without the "(0)": at most 12 digits, so never a card length. */
const ukPhone = fc.oneof(fc.stringMatching(/^\+44 20 \d{4} \d{4}$/), fc.stringMatching(/^020 \d{4} \d{4}$/), fc.stringMatching(/^\+44 7\d{3} \d{6}$/));

/*
 * References made of random digits are refused whenever one of their windows (whole consecutive digit
 * groups, 13–19 digits) has a network prefix and length and passes Luhn, which random digits do 1 time
 * in 10. Each test below draws 20,000 samples from a fixed seed (the same every run), checks every
 * verdict against the slow oracle above, and pins:
 * - the rate under a ceiling a little above the rate measured when it was written (the number in the
 *   test's name), so a looser rule (more lengths or prefixes, windows at any position, a weaker check)
 *   fails it;
 * - the rate at most 1.1 × the union bound computed on the same sample (eligible windows — those that
 *   begin and end at digit-group edges and have a network prefix for their length — ÷ 10, from this
 *   file's own table), so a rule that skips the Luhn check (rate ≈ share of samples with an eligible
 *   window, 2–10 × higher) or that looks at windows inside digit groups (6–7 × higher for two phone
 *   numbers) fails it. With one eligible window per sample, as for ACH and UK numbers, the rate is the
 *   bound give or take sampling noise (±0.06 points at 0.16%, ±0.4 at 10%); the seed is fixed, so the
 *   check gives the same verdict every run.
 *
 * Measured with windows at any position of a run (before windows had to sit at group edges): ACH
 * 2.29%, two US phone numbers joined by ", " 32.6% and by " / " 15.2%, UK "+44 (0)" numbers 10.3%.
 */
describe('how often random-digit references are refused by chance (seeded samples)', () => {
	const SAMPLES = 20_000;
	/** The share of samples refused, and the union bound: eligible windows per sample ÷ 10. */
	function measure(seed: number, sample: (random: Prng) => string) {
		const random = createPrng(seed);
		let refused = 0;
		let eligibleWindows = 0;
		for (let i = 0; i < SAMPLES; i++) {
			const text = sample(random);
			const refusedHere = looksLikeCardNumber(text);
			if (refusedHere) refused++;
			// The samples are ASCII: a run ends at a letter or at 4 other characters in a row, and its digit
			// groups are the digits between other characters.
			const runs = text.split(/[A-Za-z]+|[^0-9A-Za-z]{4,}/).map((run) => run.split(/\D+/).filter((group) => group !== '').map((group) => [...group].map(Number)));
			expect(refusedHere).toBe(runs.some(hasCardWindow));
			eligibleWindows += runs.reduce((sum, run) => sum + windowsOf(run).filter(hasNetworkPrefix).length, 0);
		}
		return { rate: refused / SAMPLES, estimate: eligibleWindows / SAMPLES / 10 };
	}

	const digitsOf = (random: Prng, count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
	const routingPrefixes = [...range(0, 12), ...range(21, 32), ...range(61, 72), 80].map((n) => String(n).padStart(2, '0'));
	/** US numbers: area code and exchange start with 2–9 (NANP). */
	const usNumber = (random: Prng) => [`${random.int(2, 9)}${digitsOf(random, 2)}`, `${random.int(2, 9)}${digitsOf(random, 2)}`, digitsOf(random, 4)] as const;

	it('15-digit ACH trace numbers (8-digit ODFI routing prefix + 7-digit sequence): about 0.17%', () => {
		// By hand: a trace number is one digit group, so its only window is all 15 digits. The routing prefix
		// starts 00–12, 21–32, 61–72 or 80, so of the 15-digit networks only Diners 300–305 fits (1/38 × 6/10),
		// and it passes Luhn 1 time in 10: ≈ 0.16%.
		const { rate, estimate } = measure(20_261_206, (random) => `trace ${random.pick(routingPrefixes)}${digitsOf(random, 6)}${digitsOf(random, 7)} ok`);
		console.info(`ACH trace numbers refused: ${(rate * 100).toFixed(2)}% (union-bound estimate ${(estimate * 100).toFixed(2)}%)`);
		expect(rate).toBeLessThan(0.0025);
		expect(rate).toBeLessThanOrEqual(estimate * 1.1);
	});

	// Two numbers joined by at most 3 characters are one run of 20 to 22 digits in 2 to 8 groups: a window
	// is whole groups, so it starts at 1 to 7 places and few have a length that fits a network (about 0.44
	// eligible windows per pair, from 4.2 when a window could begin and end anywhere).
	const twoUsPhones = (joiner: string) => (random: Prng) => `call ${random.pick(usPhoneFormats)(...usNumber(random))}${joiner}${random.pick(usPhoneFormats)(...usNumber(random))} after lunch`;

	it('two US phone numbers joined by ", ": about 4.5%, at most 6%', () => {
		const { rate, estimate } = measure(20_261_207, twoUsPhones(', '));
		console.info(`two US phone numbers joined by ", " refused: ${(rate * 100).toFixed(2)}% (union-bound estimate ${(estimate * 100).toFixed(2)}%)`);
		expect(rate).toBeLessThan(0.06);
		expect(rate).toBeLessThanOrEqual(estimate * 1.1);
	});

	it('two US phone numbers joined by " / ": about 2.3% (" / (" and " / +" are 4 characters, which end the run)', () => {
		const { rate, estimate } = measure(20_261_208, twoUsPhones(' / '));
		console.info(`two US phone numbers joined by " / " refused: ${(rate * 100).toFixed(2)}% (union-bound estimate ${(estimate * 100).toFixed(2)}%)`);
		expect(rate).toBeLessThan(0.03);
		expect(rate).toBeLessThanOrEqual(estimate * 1.1);
	});

	it('UK numbers written "+44 (0)20 7946 0958" (13 digits starting with 4, a Visa length): about 10%', () => {
		// 10-digit national numbers: London 20 + 8 digits, Birmingham 121 and Manchester 161 + 7, mobiles 7 + 9.
		// The 13 digits "44", "0" and the national number's groups begin and end at group edges, so this one
		// window is eligible under either rule: the rate is what it was with windows at any position.
		const { rate, estimate } = measure(20_261_209, (random) => {
			const national = random.pick([`20 ${digitsOf(random, 4)} ${digitsOf(random, 4)}`, `121 ${digitsOf(random, 3)} ${digitsOf(random, 4)}`, `161 ${digitsOf(random, 3)} ${digitsOf(random, 4)}`, `7${digitsOf(random, 3)} ${digitsOf(random, 6)}`]);
			return `tel +44 (0)${national} evenings`;
		});
		console.info(`UK "+44 (0)" numbers refused: ${(rate * 100).toFixed(2)}% (union-bound estimate ${(estimate * 100).toFixed(2)}%)`);
		expect(rate).toBeLessThan(0.12);
		expect(rate).toBeLessThanOrEqual(estimate * 1.1);
	});
});

function range(low: number, high: number): number[] {
	return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

describe('maskCardNumbers', () => {
	it('replaces each card number and keeps the rest of the text', () => {
		expect(maskCardNumbers('paid with 4111 1111 1111 1111, then ５５５５ ５５５５ ５５５５ ４４４４; ref 1042')).toBe(
			`paid with ${CARD_NUMBER_MASK}, then ${CARD_NUMBER_MASK}; ref 1042`
		);
		expect(maskCardNumbers('nothing to hide: 2026-12-06')).toBe('nothing to hide: 2026-12-06');
	});

	it('masks the whole card number when a chance window overlaps it', () => {
		// After "30", the Diners-length window "30 4111 1111 1111" passes Luhn and ends 4 digits before the Visa
		// number does ("345" and "378" likewise, with an Amex window), all at digit-group edges: the match
		// must still take in all of it.
		for (const [lead, network] of [['30', 'diners'], ['345', 'amex'], ['378', 'amex']] as const) {
			const text = `x ${lead} 4111 1111 1111 1111 y`;
			expect(findCardNumber(text)).toEqual({ network, start: 2, end: text.length - 2 });
			expect(maskCardNumbers(text)).toBe(`x ${CARD_NUMBER_MASK} y`);
		}
	});

	it('gives what masking the first match and searching again until none is found gives', () => {
		const chunk = fc.oneof(cardDigits.map(({ digits }) => digits.join('')), fc.stringMatching(/^\d{1,8}$/), fc.constantFrom(...SEPARATORS, '   ', 'ab', ' ref ', '𝟒', '٤'));
		const loopMask = (text: string) => {
			for (let match = findCardNumber(text); match; match = findCardNumber(text)) text = text.slice(0, match.start) + CARD_NUMBER_MASK + text.slice(match.end);
			return text;
		};
		fc.assert(
			fc.property(fc.array(chunk, { maxLength: 12 }).map((chunks) => chunks.join('')), (text) => {
				const masked = maskCardNumbers(text);
				expect(masked).toBe(loopMask(text));
				expect(findCardNumber(masked)).toBeNull();
				expect(maskCardNumbers(masked)).toBe(masked);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('findCardNumber on hostile input', () => {
	it('returns on 1 MB of digits and separators (one run of about 400,000 digits)', () => {
		const random = createPrng(7);
		const parts: string[] = [];
		let size = 0;
		while (size < 1_000_000) {
			const part = String(random.int(0, 9)) + ' '.repeat(random.int(0, 3));
			parts.push(part);
			size += part.length;
		}
		const text = parts.join('');
		expect(typeof looksLikeCardNumber(text)).toBe('boolean');
		expect(maskCardNumbers(text).length).toBeGreaterThan(0);
	});

	it('returns on 1 MB of card numbers run together, masking every one', () => {
		const text = '4111 1111 1111 1111 - '.repeat(46_000);
		expect(findCardNumbers(text).length).toBeGreaterThan(0);
		expect(maskCardNumbers(text)).not.toMatch(/\d/);
	});

	it('returns on 1 MB of mixed-script digits with no card number', () => {
		const text = '٠١٢٣٤٥٦٧٨٩𝟎𝟏 a '.repeat(60_000);
		expect(findCardNumber(text)).toBeNull();
	});
});
