import { z } from 'zod';
import { isIsoDate } from '$lib/domain/dates/isoDate';
import { cleanText } from '$lib/domain/text/cleanText';
import { wireToCents } from './nexMoney';

/**
 * NexHealth's v20240412 entities as Paysplit reads them (schemas named on each, in
 * shared/nexhealth/openapi-v20240412.json). Only the fields Paysplit reads are declared; others pass.
 * Every field the document marks nullable is taken as null or absent. Money is parsed to signed
 * cents here (nexMoney), refusing what is not whole cents rather than rounding it.
 */

/** A NexHealth id: a whole number (int32, or int64 for ledger rows). 0 only where the docs give it a meaning. */
const nexId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const nexIdOrZero = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Names, descriptions: the PMS's text, never refused, but cleaned before it is stored or shown. */
const nexText = z.string().transform(cleanText);

/** `date` (YYYY-MM-DD); a date-time is taken at its date. Null: none. */
const nexDate = z
	.string()
	.transform((text, ctx) => {
		const date = text.slice(0, 10);
		if (!isIsoDate(date)) {
			ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text.slice(0, 40))} is not a date (YYYY-MM-DD)` });
			return z.NEVER;
		}
		return date;
	})
	.nullish();

/** API_V2_Entities_Price: `{amount: "62.00", currency: "USD"}` → signed cents. Only US dollars are read. */
export const nexPrice = z
	.looseObject({ amount: z.union([z.string(), z.number()]), currency: z.string().nullish() })
	.transform((price, ctx) => {
		if (price.currency && price.currency.toUpperCase() !== 'USD') {
			ctx.addIssue({ code: 'custom', message: `currency ${JSON.stringify(price.currency)} is not US dollars: Paysplit posts USD only` });
			return z.NEVER;
		}
		const cents = wireToCents(price.amount);
		if (!cents.ok) {
			ctx.addIssue({ code: 'custom', message: cents.error });
			return z.NEVER;
		}
		return cents.value;
	});

/**
 * A claim payout's amount: what insurance pays or writes off, positive. The document gives no sign;
 * a negative one could be a reversal or the ledger's sign convention, and guessing would move the
 * patient's portion the wrong way, so it is refused, naming the value.
 */
const payoutPrice = nexPrice.pipe(z.number().min(0, { message: 'is negative: a claim payout is read as a positive amount' })).nullish();

/** POST /authenticates → API_V2_Entities_AuthorizationResponse. */
export const nexTokenSchema = z.looseObject({ token: z.string().min(1) });

/** GET /sync_status → API_V2_Entities_SyncStatus (one per sync source). */
export const nexSyncStatusSchema = z.looseObject({
	emr: z.looseObject({ name: z.string(), display_name: nexText.nullish() }).nullish(),
	read_status: z.enum(['green', 'red']).nullish(),
	read_status_at: z.string().nullish(),
	write_status: z.enum(['green', 'red']).nullish(),
	write_status_at: z.string().nullish(),
	locations: z.array(z.looseObject({ id: nexId })).nullish()
});
export type NexSyncStatus = z.infer<typeof nexSyncStatusSchema>;

/** What every person entity starts with (API_V2_Entities_User). */
const patientFields = {
	id: nexId,
	first_name: nexText.nullish(),
	last_name: nexText.nullish(),
	inactive: z.boolean().nullish(),
	bio: z.looseObject({ date_of_birth: z.string().nullish() }).nullish()
};
/**
 * GET /patients items (…PatientWithPrivacyAuthorization) and GET /patients/{id} (…PatientDetailed,
 * with `location_ids`). `guarantor_id` 0, null or the patient's own id: the patient is their own
 * guarantor.
 */
export const nexPatientSchema = z.looseObject({
	...patientFields,
	guarantor_id: nexIdOrZero.nullish(),
	provider_id: nexIdOrZero.nullish(),
	location_ids: z.array(nexId).nullish()
});
export type NexPatient = z.infer<typeof nexPatientSchema>;

/** GET /patients/{id} with include[]=children: its `children` are API_V2_Entities_User (no guarantor or provider of their own). */
export const nexPatientDetailedSchema = nexPatientSchema.extend({ children: z.array(z.looseObject(patientFields)).nullish() });

/** GET /providers items (…ProviderWithResources). */
export const nexProviderSchema = z.looseObject({
	id: nexId,
	first_name: nexText.nullish(),
	last_name: nexText.nullish(),
	name: nexText.nullish(),
	display_name: nexText.nullish(),
	inactive: z.boolean().nullish()
});
export type NexProvider = z.infer<typeof nexProviderSchema>;

/** API_V20240412_Entities_Ledger_Insurance_ClaimPayout. */
const nexClaimPayoutSchema = z.looseObject({
	estimated_insurance_payment: payoutPrice,
	insurance_payment: payoutPrice,
	write_off: payoutPrice,
	claim_id: nexId.nullish()
});
export type NexClaimPayout = z.infer<typeof nexClaimPayoutSchema>;

/** GET /charges items with include[]=claim_payouts (…Ledger_ChargeWithClaimPayouts). */
export const nexChargeSchema = z.looseObject({
	id: nexId,
	patient_id: nexId.nullish(),
	guarantor_id: nexIdOrZero.nullish(),
	provider_id: nexIdOrZero.nullish(),
	procedure_code: nexText.nullish(),
	description: nexText.nullish(),
	fee: nexPrice,
	charged_at: nexDate,
	deleted_at: z.string().nullish(),
	claim_payouts: z.array(nexClaimPayoutSchema).nullish()
});
export type NexCharge = z.infer<typeof nexChargeSchema>;

const ledgerRowFields = {
	id: nexId,
	patient_id: nexId.nullish(),
	guarantor_id: nexIdOrZero.nullish(),
	provider_id: nexIdOrZero.nullish(),
	description: nexText.nullish(),
	deleted_at: z.string().nullish(),
	transaction_id: z.string().nullish(),
	charge_id: nexId.nullish(),
	claim_id: nexId.nullish()
};

/** GET /adjustments items (…Ledger_Adjustment). Signed: a credit negative, a debit positive. */
export const nexAdjustmentSchema = z.looseObject({ ...ledgerRowFields, adjustment_amount: nexPrice, adjusted_at: nexDate, adjustment_type_id: nexId.nullish() });
export type NexAdjustment = z.infer<typeof nexAdjustmentSchema>;

/** GET /payments items and GET /payments/{id} (…Ledger_Payment). Signed: a payment negative, a refund positive. */
export const nexPaymentSchema = z.looseObject({ ...ledgerRowFields, payment_amount: nexPrice, paid_at: nexDate, payment_type_id: nexId.nullish(), insurance_plan_id: nexId.nullish() });
export type NexPayment = z.infer<typeof nexPaymentSchema>;

/** GET /payment_types items (…Ledger_PaymentType). */
export const nexPaymentTypeSchema = z.looseObject({ id: nexId, name: nexText, active: z.boolean().nullish() });
