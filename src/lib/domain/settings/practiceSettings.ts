import { z } from 'zod';
import { allocationModeSchema, chargeOrderSchema } from '../allocation/allocationInput';
import { idSchema } from '../ledger/ledger';
import { requiredText } from '../text/plainText';
import { MAX_PAYMENT_CENTS } from '../money/cents';

/** A staff member's name, as staff pick it on a device ("who is taking payments"). */
const staffName = requiredText(60);

/**
 * Which payment dates the practice accepts (issue 13): from `daysBack` days before the practice's
 * today to `daysAhead` days after it. The PMS refuses absurd dates (0001-01-01) or turns them into
 * a mess in last year's books; a date a little ahead is a device whose clock runs early, or a check
 * dated tomorrow, and such a payment waits for its date before it is written.
 */
export const payDateWindowSchema = z.strictObject({
	daysBack: z.number().int({ message: 'must be a whole number of days' }).min(0, { message: 'must be 0 or more days' }).max(3650, { message: 'must be at most 3650 days (10 years)' }),
	daysAhead: z.number().int({ message: 'must be a whole number of days' }).min(0, { message: 'must be 0 or more days' }).max(7, { message: 'must be at most 7 days' })
});
export type PayDateWindow = z.infer<typeof payDateWindowSchema>;
export const DEFAULT_PAY_DATE_WINDOW: PayDateWindow = { daysBack: 365, daysAhead: 1 };

/**
 * Above this amount (cents) staff type the amount a second time before a payment is saved (issue 15):
 * a slip of the keyboard ($100,000 for $1,000.00) is caught at the desk, offline too. Default $10,000.
 */
export const confirmAmountAboveSchema = z
	.number()
	.int({ message: 'must be a whole number of cents' })
	.min(100, { message: 'must be at least 100 cents ($1.00)' })
	.max(MAX_PAYMENT_CENTS, { message: `must be at most ${MAX_PAYMENT_CENTS} cents ($1,000,000.00)` });
export const DEFAULT_CONFIRM_AMOUNT_ABOVE = 1_000_000;

function settingsSchema(name: z.ZodType<string>) {
	return z.strictObject({
		writeBack: z.boolean(),
		paymentTypeId: idSchema.nullable(),
		clinicPaymentTypes: z.record(idSchema, idSchema),
		allocationMode: allocationModeSchema,
		allocationOrder: chargeOrderSchema.nullable(),
		writebackStatusId: idSchema.nullable(),
		patientNotes: z.boolean(),
		staff: z
			.array(name)
			.max(200, { message: 'must list at most 200 people' })
			.refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, { message: 'must not list a name twice' }),
		/** Absent when a device older than the window saves: the default. */
		payDateWindow: payDateWindowSchema.default(DEFAULT_PAY_DATE_WINDOW),
		/** Absent when a device older than issue 15 saves: the default. */
		confirmAmountAbove: confirmAmountAboveSchema.default(DEFAULT_CONFIRM_AMOUNT_ABOVE)
	});
}

/**
 * The practice's settings for writing payments back (DESIGN §4, §6; the seed's "Ledger Writeback &
 * PMS Notes"), kept by the bridge and cached by devices:
 * - `writeBack`: "Write Payment to Ledger". Off: payments stop at `recorded` for staff to key by hand.
 * - `paymentTypeId`: the PMS payment type every payment gets; null = the type named for the method
 *   ("Cash", "Check", "Credit Card"). `clinicPaymentTypes` overrides it per clinic (PMS with clinics).
 * - `allocationMode`, `allocationOrder` (null: as the connected PMS does).
 * - `writebackStatusId`: the PMS's status for these payments (Open Dental: ProcessStatus); null = the
 *   PMS's default, left unchanged.
 * - `patientNotes`: "Add Patient Notes in PMS" (Open Dental: a commlog per posted payment).
 * - `staff`: the names staff pick from on each device ("who is taking payments").
 * - `payDateWindow`: the payment dates accepted, around the practice's today.
 * - `confirmAmountAbove`: cents above which staff confirm an amount by typing it twice.
 */
export const practiceSettingsSchema = settingsSchema(staffName);
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const DEFAULT_SETTINGS: PracticeSettings = {
	writeBack: true,
	paymentTypeId: null,
	clinicPaymentTypes: {},
	allocationMode: 'allocate',
	allocationOrder: null,
	writebackStatusId: null,
	patientNotes: false,
	staff: [],
	payDateWindow: DEFAULT_PAY_DATE_WINDOW,
	confirmAmountAbove: DEFAULT_CONFIRM_AMOUNT_ABOVE
};

/**
 * Settings as stored (the bridge's row, a device's cache): saved by an older version, they lack the
 * newer fields, which take their defaults.
 */
export const storedSettingsSchema = z.preprocess((value) => (typeof value === 'object' && value !== null ? { ...DEFAULT_SETTINGS, ...value } : value), settingsSchema(z.string().max(240)));

const named = z.object({ id: z.string(), name: z.string() });

/** What the PMS offers and how it allocates, as the bridge read it (`GET /pms/options`). */
export const pmsOptionsSchema = z.object({
	paymentTypes: z.array(named),
	/** The statuses a written payment can be given (Open Dental: ProcessStatus); empty where the PMS has none. */
	writebackStatuses: z.array(named).default([]),
	unearnedTypes: z.array(z.object({ id: z.string(), name: z.string(), hidden: z.boolean() })),
	clinics: z.array(named),
	providers: z.array(z.object({ id: z.string(), abbr: z.string(), name: z.string() })),
	preferences: z.object({
		prepaymentType: z.string(),
		subtractInsuranceEstimates: z.boolean(),
		adjustmentsOffsetEachOther: z.boolean(),
		clinicsEnabled: z.boolean(),
		order: chargeOrderSchema,
		/** The PMS pays the charges dated on the payment's date first (Eaglesoft's walkout rule); absent from older bridges: false. */
		payDateChargesFirst: z.boolean().default(false)
	}),
	capabilities: z.object({
		writableModes: z.array(allocationModeSchema),
		/** Whether the connector can write a note into the patient's record (Open Dental: commlogs). */
		patientNotes: z.boolean().default(false),
		/** Who splits a payment: the PMS by its own preferences, or Paysplit, whose preview is then exactly what lands. */
		splitsBy: z.enum(['pms', 'paysplit']).default('pms'),
		/** Whether writes land at once (`sync`) or on the PMS's next cycle (`async`: NexHealth). */
		writes: z.enum(['sync', 'async']).default('sync')
	})
});
export type PmsOptions = z.infer<typeof pmsOptionsSchema>;

/** `GET /settings` (DESIGN §6), with who saved the version in force and when (for the conflict view). */
export const settingsResponseSchema = z.object({
	settings: storedSettingsSchema,
	version: z.number().int().nonnegative(),
	updatedAt: z.string().nullable().default(null),
	updatedBy: z.string().nullable().default(null),
	pms: z.object({
		name: z.string(),
		/** The connector and the system behind it ("Dentrix"), for people; absent from bridges older than issue 14. */
		connector: z.string().optional(),
		emr: z.string().optional(),
		options: pmsOptionsSchema.nullable()
	})
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** `PUT /settings {settings, baseVersion}` (DESIGN §6, manager). */
export const putSettingsRequestSchema = z.strictObject({ settings: practiceSettingsSchema, baseVersion: z.number().int().nonnegative() });
export type PutSettingsRequest = z.infer<typeof putSettingsRequestSchema>;

/** 200 `{settings, version}`. */
export const putSettingsResponseSchema = z.object({ settings: practiceSettingsSchema, version: z.number().int().positive() });
/** 409 `{current, version}`: the save was based on an older version; nothing was written. */
export const settingsConflictSchema = z.object({
	current: storedSettingsSchema,
	version: z.number().int().nonnegative(),
	updatedAt: z.string().nullable().default(null),
	updatedBy: z.string().nullable().default(null)
});
export type SettingsConflict = z.infer<typeof settingsConflictSchema>;
