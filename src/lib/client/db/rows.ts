import { z } from 'zod';
import { isTimeZone } from '$lib/domain/dates/isTimeZone';
import { familySchema, patientSchema } from '$lib/domain/api/patientsFeed';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { bridgeStatusSchema, paymentStatusSchema } from '$lib/domain/payment/PaymentStatus';
import { settingsResponseSchema } from '$lib/domain/settings/practiceSettings';
import { issueSchema } from '$lib/domain/api/errorBody';
import { rejectionCodeSchema } from './RejectionCode';

/** Rows of the device's IndexedDB (DESIGN §5). Every row read is parsed by its schema. */
export const deviceRowSchema = z.object({
	key: z.literal('device'),
	deviceId: z.string(),
	token: z.string(),
	name: z.string(),
	pairedAt: z.string()
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

export const feedStateRowSchema = z.object({ key: z.literal('feed'), cursor: z.string(), asOf: z.string(), loadedAt: z.string() });
export type FeedStateRow = z.infer<typeof feedStateRowSchema>;

/** Who is taking payments on this device now (issue 6): stamped as `takenBy` on each payment. */
export const staffRowSchema = z.object({ key: z.literal('staff'), name: z.string().min(1), since: z.string() });
export type StaffRow = z.infer<typeof staffRowSchema>;

/**
 * Where this device is in the bridge's change feed (`GET /changes`, DESIGN §2 step 7): the `next`
 * of the last page recorded, and the pairing (`deviceId`, absent when none) that read it. A cursor
 * read under another pairing (the bridge may have been rebuilt) is not used.
 */
export const changesCursorRowSchema = z.object({ key: z.literal('changes'), cursor: z.string().min(1), deviceId: z.string().optional(), savedAt: z.string() });
export type ChangesCursorRow = z.infer<typeof changesCursorRowSchema>;

/**
 * The practice's time zone, as the bridge last said (`GET /health`): the device dates payments by
 * the practice's today in it from then on, offline too, whatever zone the device itself is set to.
 */
export const practiceZoneRowSchema = z.object({
	key: z.literal('practice'),
	timeZone: z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as America/New_York' }),
	savedAt: z.string()
});
export type PracticeZoneRow = z.infer<typeof practiceZoneRowSchema>;

export const metaRowSchema = z.discriminatedUnion('key', [deviceRowSchema, feedStateRowSchema, staffRowSchema, changesCursorRowSchema, practiceZoneRowSchema]);
export type MetaRow = z.infer<typeof metaRowSchema>;

/** A cached patient, with the lower-cased name staff search by. */
export const patientRowSchema = patientSchema.extend({
	searchName: z.string(),
	/** The family's balance in the PMS (cents), kept on each member so search lists need no ledger. */
	familyBalance: z.number().int().optional()
});
export type PatientRow = z.infer<typeof patientRowSchema>;

export const familyRowSchema = familySchema;
export type FamilyRow = z.infer<typeof familyRowSchema>;

/** What the bridge said when it refused a payment; kept so a person can fix it (DESIGN §2). */
export const rejectionSchema = z.object({ code: rejectionCodeSchema, issues: z.array(issueSchema) });
export type Rejection = z.infer<typeof rejectionSchema>;

/** Where the bridge's change feed last put a payment: its status and reason (none if it gave none). */
export const heldChangeSchema = z.object({ status: bridgeStatusSchema, reason: z.string().optional() });
export type HeldChange = z.infer<typeof heldChangeSchema>;

/**
 * A payment taken on this device, with what the device last knew of it. Invariant kept by every
 * writer in `client/sync/`: a payment is `queued` exactly when it has an outbox entry.
 */
export const paymentRowSchema = z.object({
	id: z.string(),
	intent: storedPaymentIntentSchema,
	status: paymentStatusSchema,
	reason: z.string().optional(),
	updatedAt: z.string(),
	/** Set with status `rejected`: the bridge's code and the fields it named. */
	rejection: rejectionSchema.optional(),
	/** The id this payment was re-taken from after a `conflict` (see `retryPayment`). */
	replaces: z.string().optional(),
	/**
	 * The feed's last change for this payment while the row could not take it (`queued`, `rejected`:
	 * `recordChanges`). The cursor has moved past that change, and a push answered `duplicate` gives
	 * the status but no reason (DESIGN §6), so the answer that takes the payment out of the outbox
	 * takes this instead (`applyVerdicts`), and a retry under the same id keeps it.
	 */
	heldChange: heldChangeSchema.optional(),
	/**
	 * When the sync engine last asked the bridge for this payment's status (ISO). Only the per-payment
	 * polling that the change feed replaced wrote it; rows written then keep it.
	 */
	checkedAt: z.string().optional()
});
export type PaymentRow = z.infer<typeof paymentRowSchema>;

/**
 * One payment waiting to be sent (the outbox of DESIGN §2 step 3). Keyed by the payment id; sent in
 * `[enqueuedAt+paymentId]` order. Times are epoch milliseconds from the injected clock.
 */
export const outboxRowSchema = z.object({
	paymentId: z.string(),
	enqueuedAt: z.number(),
	/** How many requests carried it so far. */
	attempts: z.number().int().min(0),
	/**
	 * True once a request carrying it may have reached the bridge (set before the request starts,
	 * or when its history is unknown). A queued payment may be discarded only while this is false:
	 * after a lost response the bridge may hold it though the device cannot know.
	 */
	mayBeAtBridge: z.boolean(),
	lastAttemptAt: z.number().optional(),
	nextAttemptAt: z.number().optional(),
	lastError: z.string().optional(),
	/**
	 * How many requests carrying only this payment the bridge failed with an error of the request's
	 * own (a 5xx other than 503), and when the first of them was. A payment leaves the outbox on any
	 * per-item answer, so an answer clears them; a retried payment starts again from none.
	 */
	bridgeErrors: z.number().int().min(1).optional(),
	firstBridgeErrorAt: z.number().optional(),
	/**
	 * True once the bridge took other payments in a push where this one failed alone: the fault is
	 * this payment's, not the bridge's as a whole. Only then may it be set aside.
	 */
	othersTaken: z.boolean().optional()
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;

/** A row that failed its schema, moved aside for a person (DESIGN §5): never silently dropped. */
export const quarantineRowSchema = z.object({
	id: z.number().int().optional(),
	table: z.string(),
	/** The row's primary key, as text for display. */
	key: z.string(),
	row: z.unknown(),
	problem: z.string(),
	at: z.string()
});
export type QuarantineRow = z.infer<typeof quarantineRowSchema>;

/** The practice's settings and the PMS's options as the bridge last sent them. */
export const settingsRowSchema = settingsResponseSchema.extend({ key: z.literal('practice'), loadedAt: z.string() });
export type SettingsRow = z.infer<typeof settingsRowSchema>;
