import { formatContext, type NexContext } from './nexContext';
import { formatClaimV2, formatChargeV2, loadClaims, payoutsByCharge } from './nexClaims';
import { formatPatientBasicV2, formatProviderV2, formatType, type ChargeRow, type PatientRow, type ProviderRow, type TypeRow } from './nexFormat';
import { rowsById } from './readOne';

/**
 * What `include[]` adds to a single payment or adjustment (GET /payments/{id}, /adjustments/{id}):
 * the related records in the shapes the document gives them (V2 PatientBasic, Provider, ClaimBasic,
 * Patient_Ledger_Charge; the v20240412 payment or adjustment type). `payment_plan` is never there:
 * the fake has no payment plans.
 */
export async function ledgerIncludes(ctx: NexContext, row: Record<string, unknown>, include: Set<string>, typeTable: 'payment_type' | 'adjustment_type'): Promise<Record<string, unknown>> {
	const out: Record<string, unknown> = {};
	if (include.size === 0) return out;
	const format = formatContext(ctx);
	const id = (key: string) => (typeof row[key] === 'number' ? (row[key] as number) : null);
	if (include.has('patient') || include.has('guarantor')) {
		const people = await rowsById<PatientRow>(ctx.sql, 'nexhealth.patient', [id('patient_id'), id('guarantor_id')]);
		const patient = people.get(id('patient_id') ?? -1);
		const guarantor = people.get(id('guarantor_id') ?? -1);
		if (include.has('patient') && patient) out.patient = formatPatientBasicV2(format, patient);
		if (include.has('guarantor') && guarantor) out.guarantor = formatPatientBasicV2(format, guarantor);
	}
	if (include.has('provider')) {
		const provider = (await rowsById<ProviderRow>(ctx.sql, 'nexhealth.provider', [id('provider_id')])).get(id('provider_id') ?? -1);
		if (provider) out.provider = formatProviderV2(format, provider);
	}
	if (include.has('charge') && id('charge_id') !== null) {
		const charge = (await rowsById<ChargeRow>(ctx.sql, 'nexhealth.charge', [id('charge_id')])).get(id('charge_id') ?? -1);
		if (charge) out.charge = formatChargeV2(charge, (await payoutsByCharge(ctx.sql, [charge.id])).get(charge.id) ?? []);
	}
	if (include.has('claim') && id('claim_id') !== null) {
		const claim = (await loadClaims(ctx.sql, [id('claim_id')])).get(id('claim_id') ?? -1);
		if (claim) out.claim = formatClaimV2(claim);
	}
	const typeKey = typeTable === 'payment_type' ? 'payment_type' : 'adjustment_type';
	if (include.has(typeKey) && id(`${typeKey}_id`) !== null) {
		const type = (await rowsById<TypeRow>(ctx.sql, `nexhealth.${typeTable}`, [id(`${typeKey}_id`)])).get(id(`${typeKey}_id`) ?? -1);
		if (type) out[typeKey] = formatType(type);
	}
	return out;
}
