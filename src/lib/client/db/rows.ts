import { z } from 'zod';
import { familySchema, patientSchema } from '$lib/domain/api/patientsFeed';
import { paymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { paymentStatusSchema } from '$lib/domain/payment/PaymentStatus';
import { settingsResponseSchema } from '$lib/domain/settings/practiceSettings';

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

export const metaRowSchema = z.discriminatedUnion('key', [deviceRowSchema, feedStateRowSchema]);
export type MetaRow = z.infer<typeof metaRowSchema>;

/** A cached patient, with the lower-cased name staff search by. */
export const patientRowSchema = patientSchema.extend({ searchName: z.string() });
export type PatientRow = z.infer<typeof patientRowSchema>;

export const familyRowSchema = familySchema;
export type FamilyRow = z.infer<typeof familyRowSchema>;

/** A payment taken on this device, with what the device last knew of it. */
export const paymentRowSchema = z.object({
	id: z.string(),
	intent: paymentIntentSchema,
	status: paymentStatusSchema,
	reason: z.string().optional(),
	updatedAt: z.string()
});
export type PaymentRow = z.infer<typeof paymentRowSchema>;

/** The practice's settings and the PMS's options as the bridge last sent them. */
export const settingsRowSchema = settingsResponseSchema.extend({ key: z.literal('practice'), loadedAt: z.string() });
export type SettingsRow = z.infer<typeof settingsRowSchema>;
