import { accessSync, constants } from 'node:fs';
import { z } from 'zod';
import { isTimeZone } from '$lib/domain/dates/isTimeZone';

const port = (name: string, fallback: number) =>
	z
		.string()
		.default(String(fallback))
		.refine((v) => /^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535, {
			message: `${name} must be a TCP port number from 0 to 65535`
		})
		.transform(Number);

const SUPPORTED_PMS = ['demo', 'opendental', 'nexhealth'] as const;

/** A whole number from `min` to `max`, as text in the environment. */
const whole = (message: string, min: number, max: number) =>
	z
		.string()
		.refine((v) => /^\d{1,10}$/.test(v.trim()) && Number(v) >= min && Number(v) <= max, { message })
		.transform((v) => Number(v.trim()));

/**
 * Every environment variable the bridge reads, parsed once at start-up (DESIGN §8). A bad value
 * stops the bridge with a message naming the variable and what it accepts.
 */
export const configSchema = z
	.object({
		PORT: port('PORT', 3000),
		HOST: z.string().min(1).default('127.0.0.1'),
		DATA_DIR: z.string().min(1).default('./data'),
		/** A PostgreSQL server for the bridge's journal (several bridge processes, a group of practices); unset: PGlite in DATA_DIR. */
		DATABASE_URL: z
			.string()
			.optional()
			.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), { message: 'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database' }),
		PMS: z
			.string()
			.default('demo')
			.transform((v) => v.trim().toLowerCase())
			.pipe(
				z.enum(SUPPORTED_PMS, {
					error: (issue) =>
						`PMS "${String(issue.input)}" is not supported: use ${SUPPORTED_PMS.map((p) => `"${p}"`).join(', ')} (Paysplit writes back to Open Dental, and to Dentrix and Eaglesoft through NexHealth; Fuse cannot be written to)`
				})
			),
		OPENDENTAL_URL: z.url({ message: 'OPENDENTAL_URL must be a URL such as http://od-server:30223/api/v1' }).optional(),
		OPENDENTAL_DEVELOPER_KEY: z.string().optional(),
		OPENDENTAL_CUSTOMER_KEY: z.string().optional(),
		/** NexHealth's API (PMS=nexhealth): its base URL, e.g. https://nexhealth.info. */
		NEXHEALTH_URL: z.url({ protocol: /^https?$/, message: 'NEXHEALTH_URL must be an http(s) URL such as https://nexhealth.info' }).optional(),
		/** The API key from NexHealth's developer portal, sent raw to POST /authenticates. */
		NEXHEALTH_API_KEY: z
			.string()
			.refine((v) => v.trim() !== '' && !/\s/.test(v), { message: 'NEXHEALTH_API_KEY must be the API key from NexHealth: not empty, no spaces' })
			.optional(),
		/** The practice's institution in NexHealth (the `subdomain` of every request). */
		NEXHEALTH_SUBDOMAIN: z
			.string()
			.refine((v) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(v.trim()), { message: 'NEXHEALTH_SUBDOMAIN must be the practice\'s NexHealth subdomain: letters, digits, dashes, such as smile-dental' })
			.transform((v) => v.trim())
			.optional(),
		/** The practice's location in NexHealth (the `location_id` of ledger reads and writes). */
		NEXHEALTH_LOCATION_ID: whole('NEXHEALTH_LOCATION_ID must be the NexHealth location id: a whole number from 1 to 2147483647', 1, 2_147_483_647).optional(),
		/** How long a payment NexHealth accepted (202) may take to show in the PMS before a person is asked to look. */
		NEXHEALTH_WRITE_TIMEOUT_MINUTES: whole('NEXHEALTH_WRITE_TIMEOUT_MINUTES must be a whole number of minutes from 1 to 1440', 1, 1440).default(30),
		PRACTICE_TZ: z
			.string()
			.default('America/New_York')
			.refine(isTimeZone, { message: 'PRACTICE_TZ must be an IANA time zone such as America/Chicago' }),
		/** The shared secret of the card processor's signed webhook (DESIGN §6); unset: the webhook answers 503. */
		PROCESSOR_WEBHOOK_SECRET: z.string().min(16, { message: 'PROCESSOR_WEBHOOK_SECRET must be at least 16 characters' }).optional(),
		/**
		 * Which demo practice PMS=demo runs (DESIGN §8): `opendental` (the Open Dental-compatible demo PMS)
		 * or `dentrix` / `eaglesoft` (a NexHealth-compatible fake, written to through the NexHealth connector).
		 */
		DEMO_EMR: z
			.string()
			.default('opendental')
			.transform((v) => v.trim().toLowerCase())
			.pipe(z.enum(['opendental', 'dentrix', 'eaglesoft'], { error: (issue) => `DEMO_EMR "${String(issue.input)}" is not a demo practice: use "opendental", "dentrix" or "eaglesoft"` })),
		/** With DEMO_EMR=dentrix|eaglesoft: seconds from NexHealth's 202 to the payment showing in the PMS (real NexHealth: minutes). */
		DEMO_SYNC_SECONDS: z
			.string()
			.default('5')
			.refine((v) => /^\d+(\.\d+)?$/.test(v) && Number(v) <= 86_400, { message: 'DEMO_SYNC_SECONDS must be a number of seconds from 0 to 86400' })
			.transform(Number),
		/** With the demo practice: seconds after which the demo processor settles a card or ACH payment (0: never). */
		DEMO_SETTLE_SECONDS: z
			.string()
			.default('20')
			.refine((v) => /^\d+$/.test(v) && Number(v) <= 86_400, { message: 'DEMO_SETTLE_SECONDS must be a whole number of seconds from 0 to 86400' })
			.transform(Number),
		TLS_CERT: z.string().optional(),
		TLS_KEY: z.string().optional(),
		/** The demo practice's "today", for reproducible demos and tests (YYYY-MM-DD). */
		DEMO_TODAY: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DEMO_TODAY must be a date written YYYY-MM-DD' })
			.optional(),
		/** How long the bridge waits for one PMS call; a write that takes longer is read back before it is tried again. */
		PMS_TIMEOUT_SECONDS: z
			.string()
			.default('15')
			.refine((v) => /^\d+(\.\d+)?$/.test(v) && Number(v) >= 0.1 && Number(v) <= 600, { message: 'PMS_TIMEOUT_SECONDS must be a number of seconds from 0.1 to 600' })
			.transform(Number),
		/** How often the bridge reads the whole PMS for changes made there (each family is also re-read around its payments). */
		PMS_REFRESH_SECONDS: z
			.string()
			.default('60')
			.refine((v) => /^\d+$/.test(v) && Number(v) >= 5 && Number(v) <= 86_400, { message: 'PMS_REFRESH_SECONDS must be a whole number of seconds from 5 to 86400' })
			.transform(Number),
		/** How many patients the demo practice gets when it is first seeded (42 hand-named; more are generated). */
		DEMO_PATIENTS: z
			.string()
			.default('42')
			.refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100_000, { message: 'DEMO_PATIENTS must be a whole number from 1 to 100000' })
			.transform(Number),
		LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info')
	})
	.superRefine((env, ctx) => {
		if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) {
			ctx.addIssue({ code: 'custom', path: [env.TLS_CERT ? 'TLS_KEY' : 'TLS_CERT'], message: `${env.TLS_CERT ? 'TLS_KEY' : 'TLS_CERT'} is required with ${env.TLS_CERT ? 'TLS_CERT' : 'TLS_KEY'}: set both (see \`npm run cert\`) or neither` });
		}
		for (const key of ['TLS_CERT', 'TLS_KEY'] as const) {
			const path = env[key];
			if (path && !readable(path)) ctx.addIssue({ code: 'custom', path: [key], message: `${key} "${path}" is not a file this user can read` });
		}
		if (env.PMS === 'opendental') {
			for (const key of ['OPENDENTAL_URL', 'OPENDENTAL_DEVELOPER_KEY', 'OPENDENTAL_CUSTOMER_KEY'] as const) {
				if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when PMS=opendental` });
			}
		}
		if (env.PMS === 'nexhealth') {
			for (const key of ['NEXHEALTH_URL', 'NEXHEALTH_API_KEY', 'NEXHEALTH_SUBDOMAIN', 'NEXHEALTH_LOCATION_ID'] as const) {
				if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when PMS=nexhealth` });
			}
		}
	});

export type Config = z.infer<typeof configSchema>;

function readable(path: string): boolean {
	try {
		accessSync(path, constants.R_OK);
		return true;
	} catch {
		return false;
	}
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment; never throws. Each problem names its variable. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const result = configSchema.safeParse(cleaned);
	if (result.success) return { ok: true, config: result.data };
	return {
		ok: false,
		problems: result.error.issues.map((issue) => {
			const name = String(issue.path[0] ?? '');
			return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
		})
	};
}
