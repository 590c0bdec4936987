import type { Writable } from 'node:stream';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { maskCardNumbers } from '$lib/domain/text/maskCardNumbers';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields of one event, e.g. `{ paymentId }`: searchable in the JSON lines, not only in the text. */
export type LogFields = Record<string, unknown>;

export type Logger = (level: LogLevel, message: string, fields?: LogFields) => void;

export type LoggerOptions = {
	/** Where the lines go (tests pass a collecting stream). Default: stdout (file descriptor 1). */
	destination?: Writable;
	/** Human-readable lines instead of JSON. Default: when stdout is a terminal and no destination is given. */
	pretty?: boolean;
};

/**
 * Fields that can carry patient or card data, redacted wherever they appear (at the top of a line's
 * fields or one level down), whatever the level: patient details belong in the PMS, not in a log file
 * (issue 13). Payment and device ids, amounts and statuses are what support needs.
 */
const SENSITIVE_KEYS = ['note', 'notes', 'patientName', 'firstName', 'lastName', 'birthDate', 'terminalRef', 'cardNumber', 'card', 'pan', 'pin', 'token', 'authorization', 'secret'];
const SENSITIVE_HEADERS = ['authorization', '"x-manager-token"', '"x-admin-secret"', 'cookie', '"paysplit-signature"'];
export const REDACTED_PATHS = [
	...SENSITIVE_KEYS,
	...SENSITIVE_KEYS.map((key) => `*.${key}`),
	...SENSITIVE_HEADERS.flatMap((header) => [`headers.${header}`, `req.headers.${header}`, `request.headers.${header}`])
].map((path) => path.replace(/\."/g, '["').replace(/"$/, '"]'));

/**
 * The bridge's log: one JSON object per line on stdout (`level`, ISO `time`, `service`, the fields,
 * `msg`), for whatever collects the output (journald, a log shipper, `jq`). In a terminal the same
 * events are pretty-printed by pino-pretty inside the process — never through a shell pipe, so that
 * `npm start` keeps the bridge's exit status and signals.
 * Messages name payments by id, never patients; patient names and notes are never logged at info or
 * above, and the fields in `REDACTED_PATHS` are redacted at every level. As a last net, anything that
 * looks like a card number is masked in the message and in every string field.
 * Writes are synchronous, so that the line explaining an exit is out before `process.exit`.
 */
export function createLogger(minimum: LogLevel, options: LoggerOptions = {}): Logger {
	const pretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
	const destination = pretty
		? pinoPretty({ sync: true, colorize: options.destination === undefined, singleLine: true, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname,service', destination: options.destination ?? 1 })
		: (options.destination ?? pino.destination({ dest: 1, sync: true }));
	const logger = pino(
		{
			level: minimum,
			base: { service: 'paysplit-bridge', pid: process.pid },
			timestamp: pino.stdTimeFunctions.isoTime,
			// The level's name ("warn"), not pino's number (40): readable without a table.
			formatters: { level: (label) => ({ level: label }) },
			redact: { paths: REDACTED_PATHS, censor: '[redacted]' }
		},
		destination
	);
	return (level, message, fields) => {
		if (!logger.isLevelEnabled(level)) return;
		logger[level](fields ? maskFields(fields) : {}, maskCardNumbers(message));
	};
}

/** The fields with every string masked (`maskCardNumbers`), nested objects and errors included. */
function maskFields(fields: LogFields): LogFields {
	return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, maskValue(value, 0)]));
}

function maskValue(value: unknown, depth: number): unknown {
	if (typeof value === 'string') return maskCardNumbers(value);
	if (value === null || typeof value !== 'object') return value;
	// Deeper than any field the bridge logs: drop rather than walk an unbounded (or cyclic) object.
	if (depth >= 6) return '[too deep]';
	if (value instanceof Error) return maskError(value, depth);
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1));
	return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskValue(item, depth + 1)]));
}

/** A copy of the error with its text masked, of the same class, so that pino's serializer still names its type. */
function maskError(error: Error, depth: number): Error {
	const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
	for (const [key, item] of Object.entries(error)) Object.assign(copy, { [key]: maskValue(item, depth + 1) });
	copy.message = maskCardNumbers(error.message);
	if (error.stack !== undefined) copy.stack = maskCardNumbers(error.stack);
	if (error.cause !== undefined) copy.cause = maskValue(error.cause, depth + 1);
	return copy;
}
