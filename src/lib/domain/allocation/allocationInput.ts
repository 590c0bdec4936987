import { z } from 'zod';
import { centsSchema } from '../money/cents';
import { isoDateSchema } from '../dates/isoDate';
import { idSchema, ledgerSchema } from '../ledger/ledger';

/** How the engine treats the payment (`shared/allocation.md`, "Other modes"). */
export const allocationModeSchema = z.enum(['allocate', 'post_only', 'providers_only']);
export type AllocationMode = z.infer<typeof allocationModeSchema>;

/**
 * Which charges come first (rule 2): `oldest_first` is Open Dental 21 and later; `adjustments_first`
 * is what Open Dental did up to 19.2 (`AutoSplitLogic`, read nowhere after that).
 */
export const chargeOrderSchema = z.enum(['adjustments_first', 'oldest_first']);
export type ChargeOrder = z.infer<typeof chargeOrderSchema>;

export const allocationOptionsSchema = z.object({
	order: chargeOrderSchema,
	preferPatient: z.boolean(),
	payFirst: z.array(idSchema),
	subtractInsuranceEstimates: z.boolean(),
	adjustmentsOffsetEachOther: z.boolean(),
	prepaymentType: idSchema,
	clinicsEnabled: z.boolean()
});
export type AllocationOptions = z.infer<typeof allocationOptionsSchema>;

/**
 * The new payment. The amount is any safe integer here; that it must be positive is checked by
 * `validateAllocationInput`, so the refusal gets its own code and message.
 */
export const allocationPaymentSchema = z.object({
	patientId: idSchema,
	amount: centsSchema,
	payDate: isoDateSchema,
	clinicId: idSchema.nullable()
});

/** Everything `allocatePayment` takes, as `shared/allocation.md` ("Contract") defines it. */
export const allocationInputSchema = z.object({
	payment: allocationPaymentSchema,
	mode: allocationModeSchema,
	options: allocationOptionsSchema,
	ledger: ledgerSchema
});
export type AllocationInput = z.infer<typeof allocationInputSchema>;
