import { z } from 'zod';
import { allocationModeSchema, chargeOrderSchema } from '../allocation/allocationInput';

/**
 * The practice's settings for writing payments back (DESIGN §4, §6), kept by the bridge and cached by
 * devices. `allocationOrder: null` means "as the connected PMS does".
 */
export const practiceSettingsSchema = z.strictObject({
	allocationMode: allocationModeSchema,
	allocationOrder: chargeOrderSchema.nullable()
});
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const DEFAULT_SETTINGS: PracticeSettings = { allocationMode: 'allocate', allocationOrder: null };

/** What the PMS offers and how it allocates, as the bridge read it (`GET /pms/options`). */
export const pmsOptionsSchema = z.object({
	paymentTypes: z.array(z.object({ id: z.string(), name: z.string() })),
	unearnedTypes: z.array(z.object({ id: z.string(), name: z.string(), hidden: z.boolean() })),
	clinics: z.array(z.object({ id: z.string(), name: z.string() })),
	providers: z.array(z.object({ id: z.string(), abbr: z.string(), name: z.string() })),
	preferences: z.object({
		prepaymentType: z.string(),
		subtractInsuranceEstimates: z.boolean(),
		adjustmentsOffsetEachOther: z.boolean(),
		clinicsEnabled: z.boolean(),
		order: chargeOrderSchema
	}),
	capabilities: z.object({ writableModes: z.array(allocationModeSchema) })
});
export type PmsOptions = z.infer<typeof pmsOptionsSchema>;

/** `GET /settings` (DESIGN §6). */
export const settingsResponseSchema = z.object({
	settings: practiceSettingsSchema,
	version: z.number().int().nonnegative(),
	pms: z.object({ name: z.string(), options: pmsOptionsSchema.nullable() })
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;
