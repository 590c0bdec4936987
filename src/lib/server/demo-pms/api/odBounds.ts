/**
 * The bounds of every input the demo PMS takes (issue 13): what Open Dental allows where it says so
 * (docs/opendental-api-reference.md §0, §7, §11; its column types in shared/notes/opendental.md §2),
 * and always within what the demo's PostgreSQL columns hold, so that no input reaches the database
 * as a value it refuses. Outside them the answer is a 400 naming the parameter or field and these
 * bounds, in Open Dental's refusal shape (a bare JSON string).
 *
 * | input                                   | allowed                                                  |
 * |-----------------------------------------|----------------------------------------------------------|
 * | keys (PatNum, PayNum, PayType, …)       | whole numbers 0 – 9007199254740991 (2^53 − 1)            |
 * | Category (GET /definitions)             | whole numbers 0 – 32767                                  |
 * | Limit                                   | whole numbers 1 – 2147483647; a page holds at most 1000  |
 * | Offset                                  | whole numbers 0 – 2147483647                             |
 * | PayAmt                                  | 0.01 – 9999999999.99, whole cents                        |
 * | dates, date-times                       | real calendar dates from 0001-01-01 (and times 00:00:00 – 23:59:59) |
 * | PayNote / commlog Note                  | text, line breaks allowed, ≤ 4000 / ≤ 65535 characters   |
 * | CheckNum, BankBranch                    | one line of text, ≤ 25 characters                        |
 * | LName, FName / PrefName (query)         | one line of text, ≤ 100 / ≤ 255 characters               |
 * | procNums                                | at most 1000 keys                                        |
 * | request body                            | a JSON object in UTF-8, ≤ 16 MiB, Content-Type: application/json |
 *
 * Text is the domain's one text rule (`plainText`: well-formed, no control characters but line breaks
 * where allowed, trimmed, NFC; no card number in what is stored).
 */

/**
 * Keys. Open Dental's are bigint (C# long, up to 2^63 − 1), but a JSON body's numbers arrive as
 * doubles, exact only up to 2^53 − 1 (a larger PatNum would silently become another one), and the
 * demo reads bigint columns back as JavaScript numbers. 2^53 − 1 is inside PostgreSQL's bigint.
 */
export const MAX_KEY = Number.MAX_SAFE_INTEGER;

/** Definition categories: Open Dental's DefCat (a tinyint column); the demo's column is smallint. */
export const MAX_CATEGORY = 32_767;

/** Limit/Offset paging: 1000 rows a page at most, as Open Dental's Local API and API Service allow. */
export const MAX_PAGE = 1000;

/**
 * The largest Limit and Offset taken: a 32-bit int, which is what Open Dental reads them into as far
 * as anyone can tell (UNCONFIRMED: its pages do not say), far past any demo table and inside
 * PostgreSQL's bigint LIMIT/OFFSET. A Limit over MAX_PAGE is served as MAX_PAGE, Open Dental's hard limit.
 */
export const MAX_PAGING = 2_147_483_647;

/** PayAmt in cents: the demo's numeric(12,2) column holds at most 9999999999.99 (Open Dental's is a double). */
export const MAX_AMOUNT_CENTS = 999_999_999_999;

/** Text lengths in characters (code points): Open Dental's varchar(25) for CheckNum and BankBranch. */
export const TEXT_MAX = {
	PayNote: 4000,
	CheckNum: 25,
	BankBranch: 25,
	/** Open Dental's commlog.Note is a MySQL text column: 65,535 bytes. */
	Note: 65_535,
	/** patient.LName and FName are varchar(100). */
	name: 100,
	/** preference.PrefName is varchar(255). */
	PrefName: 255,
	/** Enumerated values compared with a list (Mode_, commType, …): longer is never one of them. */
	choice: 255
} as const;

/** procNums on POST /payments: more than a family's procedures, far fewer than a body can hold. */
export const MAX_PROC_NUMS = 1000;

/**
 * Request bodies: Open Dental's "The JSON body can be at most 16.8M characters" (§0), read as
 * 16 MiB (16,777,216 bytes), the size the stand-alone server (serveFetchHandler) also takes.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
