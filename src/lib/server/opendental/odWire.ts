import { cleanText } from '$lib/domain/text/cleanText';
import { z } from 'zod';
import { dollarsTextToCents } from './odMoney';

/**
 * Open Dental API objects, parsed leniently the way they arrive (docs/opendental-api-reference.md):
 * money as a number or a numeric string, booleans as "true"/"false" strings, enums as text, dates
 * "yyyy-MM-dd" with "0001-01-01" for none. Only the fields Paysplit reads are declared; others pass.
 */

const MONEY_TEXT = /^-?\d+(?:\.\d+)?$/;

/** A dollar amount → integer cents. Refuses amounts that are not whole cents rather than rounding them away. */
export const odMoney = z.union([z.number(), z.string().regex(MONEY_TEXT)]).transform((value, ctx) => {
	const text = typeof value === 'number' ? String(value) : value;
	const cents = dollarsTextToCents(text);
	if (cents === null) {
		ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not an amount in whole cents` });
		return z.NEVER;
	}
	return cents;
});

export const odBool = z
	.union([z.boolean(), z.string()])
	.transform((value) => (typeof value === 'boolean' ? value : value.trim().toLowerCase() === 'true'));

/** A primary or foreign key: a number, or (Open Dental's payment ClinicNum quirk) numeric text. */
/**
 * Text as the PMS holds it (names, descriptions, notes): not refused — the PMS is the ledger's truth —
 * but cleaned (control characters dropped, broken characters replaced, normalised) before the bridge
 * stores or shows it (issue 13: no stored value is trusted until parsed).
 */
export const odText = z.string().transform(cleanText);

export const odKey = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/** "yyyy-MM-dd"; "0001-01-01" and "" mean none. */
export const odDate = z
	.string()
	.regex(/^(\d{4}-\d{2}-\d{2})?/)
	.transform((value) => {
		const date = value.slice(0, 10);
		return date === '' || date === '0001-01-01' ? null : date;
	});

export const odPatientSchema = z.looseObject({
	PatNum: odKey,
	LName: odText,
	FName: odText,
	Preferred: odText.optional(),
	PatStatus: z.string(),
	Birthdate: odDate.optional(),
	Guarantor: odKey,
	PriProv: odKey,
	ClinicNum: odKey,
	DateTStamp: z.string().optional()
});
export type OdPatient = z.infer<typeof odPatientSchema>;

export const odProviderSchema = z.looseObject({
	ProvNum: odKey,
	Abbr: odText,
	LName: odText,
	FName: odText,
	Suffix: odText.optional(),
	IsSecondary: odBool.optional(),
	IsHidden: odBool.optional(),
	ProvStatus: z.string().optional()
});
export type OdProvider = z.infer<typeof odProviderSchema>;

export const odClinicSchema = z.looseObject({
	ClinicNum: odKey,
	Abbr: odText,
	Description: odText,
	IsHidden: odBool.optional()
});
export type OdClinic = z.infer<typeof odClinicSchema>;

export const odDefinitionSchema = z.looseObject({
	DefNum: odKey,
	ItemName: odText,
	ItemValue: odText,
	Category: z.number().int(),
	isHidden: odBool.optional()
});
export type OdDefinition = z.infer<typeof odDefinitionSchema>;

export const odPreferenceSchema = z.looseObject({ PrefName: z.string(), ValueString: z.string() });

export const odProcStatusSchema = z.enum(['TP', 'C', 'EC', 'EO', 'R', 'D', 'Cn', 'TPi']);

export const odProcedureSchema = z.looseObject({
	ProcNum: odKey,
	PatNum: odKey,
	ProcDate: odDate,
	ProcFee: odMoney,
	ProcStatus: odProcStatusSchema,
	ProvNum: odKey,
	ClinicNum: odKey,
	CodeNum: odKey.optional(),
	procCode: odText.optional(),
	descript: odText.optional(),
	ToothNum: odText.optional(),
	Surf: odText.optional(),
	UnitQty: z.number().int(),
	BaseUnits: z.number().int(),
	Discount: odMoney.optional()
});
export type OdProcedure = z.infer<typeof odProcedureSchema>;

export const odClaimProcStatusSchema = z.enum([
	'NotReceived',
	'Received',
	'Preauth',
	'Adjustment',
	'Supplemental',
	'CapClaim',
	'Estimate',
	'CapComplete',
	'CapEstimate',
	'InsHist'
]);

export const odClaimProcSchema = z.looseObject({
	ClaimProcNum: odKey,
	ProcNum: odKey,
	PatNum: odKey,
	Status: odClaimProcStatusSchema,
	InsPayEst: odMoney,
	InsPayAmt: odMoney,
	WriteOff: odMoney,
	WriteOffEst: odMoney,
	WriteOffEstOverride: odMoney,
	InsEstTotal: odMoney.optional(),
	InsEstTotalOverride: odMoney.optional(),
	NoBillIns: odBool
});
export type OdClaimProc = z.infer<typeof odClaimProcSchema>;

export const odAdjustmentSchema = z.looseObject({
	AdjNum: odKey,
	AdjDate: odDate,
	AdjAmt: odMoney,
	PatNum: odKey,
	AdjType: odKey,
	adjType: odText.optional(),
	ProvNum: odKey,
	AdjNote: odText.optional(),
	ProcNum: odKey,
	ClinicNum: odKey
});
export type OdAdjustment = z.infer<typeof odAdjustmentSchema>;

export const odPaymentSchema = z.looseObject({
	PayNum: odKey,
	PayType: odKey,
	payType: odText.optional(),
	PayDate: odDate,
	PayAmt: odMoney,
	CheckNum: odText,
	BankBranch: odText.optional(),
	PayNote: odText,
	PatNum: odKey,
	ClinicNum: odKey,
	DateEntry: odDate.optional(),
	PaymentSource: z.string().optional(),
	ProcessStatus: z.string().optional()
});
export type OdPayment = z.infer<typeof odPaymentSchema>;

export const odPaySplitSchema = z.looseObject({
	SplitNum: odKey,
	SplitAmt: odMoney,
	PatNum: odKey,
	PayNum: odKey,
	ProvNum: odKey,
	ClinicNum: odKey,
	ProcNum: odKey,
	AdjNum: odKey,
	PayPlanNum: odKey.optional(),
	UnearnedType: odKey,
	DatePay: odDate
});
export type OdPaySplit = z.infer<typeof odPaySplitSchema>;

export const odCommlogSchema = z.looseObject({
	CommlogNum: odKey,
	PatNum: odKey,
	CommDateTime: z.string(),
	Note: odText
});
export type OdCommlog = z.infer<typeof odCommlogSchema>;
