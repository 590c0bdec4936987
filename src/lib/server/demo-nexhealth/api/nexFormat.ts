import { centsToDecimal } from '../../opendental/odMoney';

/**
 * Rows of the fake's ledger as NexHealth's v20240412 entities write them (the schemas named in
 * each function, openapi-v20240412.json): ids as numbers, times ISO 8601 UTC, dates YYYY-MM-DD, money
 * as `{amount: "-125.00", currency: "USD"}` — decimal dollars in a string, signed as NexHealth signs
 * the ledger (docs.nexhealth.com/v20240412/reference/payments: "a payment of $125 is represented as
 * -125.00"). Amounts are cents until this point.
 */
export type FormatContext = { institutionId: number; foreignIdType: string; lastSync: Date };

export type PatientRow = {
	id: number;
	location_id: number;
	guarantor_id: number;
	provider_id: number | null;
	first_name: string;
	middle_name: string | null;
	last_name: string;
	email: string | null;
	phone_number: string | null;
	date_of_birth: string | null;
	gender: string | null;
	street_address: string | null;
	city: string | null;
	state: string | null;
	zip_code: string | null;
	chart_id: string | null;
	billing_type: string | null;
	foreign_id: string;
	inactive: boolean;
	non_patient: boolean;
	created_at: Date;
	updated_at: Date;
};
export type ProviderRow = { id: number; location_id: number; first_name: string; last_name: string; suffix: string | null; email: string | null; npi: string | null; specialty_code: string | null; foreign_id: string; inactive: boolean; created_at: Date; updated_at: Date };
export type ChargeRow = { id: number; location_id: number; patient_id: number; guarantor_id: number; provider_id: number | null; procedure_id: number | null; procedure_code: string | null; description: string | null; fee_cents: number; charged_at: string; foreign_id: string; updated_at: Date; deleted_at: Date | null };
export type PayoutRow = { id: number; charge_id: number; claim_id: number; insurance_plan_id: number; status: 'sent' | 'received'; billed_cents: number; allowed_cents: number; estimated_cents: number; paid_cents: number; write_off_cents: number; sent_at: string; received_at: string | null; updated_at: Date };
type LedgerRow = { id: number; location_id: number; patient_id: number; guarantor_id: number; provider_id: number | null; amount_cents: number; transaction_id: string | null; charge_id: number | null; claim_id: number | null; description: string | null; foreign_id: string; updated_at: Date; deleted_at: Date | null };
export type PaymentRow = LedgerRow & { payment_type_id: number | null; paid_at: string; insurance_plan_id: number | null };
export type AdjustmentRow = LedgerRow & { adjustment_type_id: number | null; adjusted_at: string };
export type TypeRow = { id: number; location_id: number; name: string; active: boolean; updated_at: Date; action?: string };
export type LocationRow = { id: number; institution_id: number; name: string; street_address: string | null; city: string | null; state: string | null; zip_code: string | null; phone_number: string | null; email: string | null; tz: string; foreign_id: string; inactive: boolean; created_at: Date; updated_at: Date };

export const price = (cents: number) => ({ amount: centsToDecimal(Number(cents)), currency: 'USD' });
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** API_V2_Entities_User: what every person entity starts with. */
function person(ctx: FormatContext, row: { id: number; first_name: string; middle_name?: string | null; last_name: string; email: string | null; foreign_id: string; inactive: boolean; created_at: Date; updated_at: Date }, bio: Record<string, unknown>) {
	return {
		id: row.id,
		email: row.email,
		first_name: row.first_name,
		middle_name: row.middle_name ?? null,
		last_name: row.last_name,
		name: `${row.first_name} ${row.last_name}`,
		created_at: iso(row.created_at),
		updated_at: iso(row.updated_at),
		institution_id: ctx.institutionId,
		foreign_id: row.foreign_id,
		foreign_id_type: ctx.foreignIdType,
		bio,
		inactive: row.inactive,
		last_sync_time: iso(ctx.lastSync)
	};
}

function patientBio(row: PatientRow) {
	return {
		city: row.city ?? '',
		state: row.state ?? '',
		gender: row.gender ?? '',
		zip_code: row.zip_code ?? '',
		new_patient: false,
		non_patient: row.non_patient,
		phone_number: row.phone_number ?? '',
		date_of_birth: row.date_of_birth,
		address_line_1: row.street_address ?? '',
		address_line_2: '',
		street_address: row.street_address ?? '',
		cell_phone_number: row.phone_number ?? '',
		home_phone_number: '',
		work_phone_number: ''
	};
}

/** API_V2_Entities_User (a patient as `guarantor` or one of `children`). */
export const formatPatientUser = (ctx: FormatContext, row: PatientRow) => person(ctx, row, patientBio(row));

/** API_V20240412_Entities_PatientWithPrivacyAuthorization / PatientBasic (GET /patients items). */
export function formatPatient(ctx: FormatContext, row: PatientRow) {
	// A guarantor is their own guarantor (docs: guarantor_id "0 or self" means the patient is one).
	return { ...formatPatientUser(ctx, row), guarantor_id: row.guarantor_id, billing_type: row.billing_type, chart_id: row.chart_id, preferred_language: null, provider_id: row.provider_id };
}

/** API_V2_Entities_PatientBasic (a payment's or adjustment's `patient` / `guarantor`). */
export const formatPatientBasicV2 = (ctx: FormatContext, row: PatientRow) => ({ ...formatPatientUser(ctx, row), guarantor_id: row.guarantor_id, billing_type: row.billing_type, chart_id: row.chart_id, preferred_language: null, preferred_locale: null, location_ids: [row.location_id] });

export const formatAddress = (row: PatientRow) => ({ line_1: row.street_address, line_2: null, postal_code: row.zip_code, city: row.city, region: row.state });

/** API_V2_Entities_Provider / ProviderWithResources. */
export function formatProvider(ctx: FormatContext, row: ProviderRow) {
	const name = `${row.first_name} ${row.last_name}`;
	return { ...person(ctx, { ...row, middle_name: null }, {}), display_name: row.suffix ? `${name}, ${row.suffix}` : name, npi: row.npi, tin: null, state_license: null, specialty_code: row.specialty_code };
}

/** API_V2_Entities_Provider (the `provider` include of charges, payments, adjustments): its tin and state_license are not nullable. */
export const formatProviderV2 = (ctx: FormatContext, row: ProviderRow) => ({ ...formatProvider(ctx, row), tin: '', state_license: '' });

/** API_V20240412_Entities_Ledger_Charge (ChargeWithClaimPayouts without its payouts). */
export function formatCharge(row: ChargeRow) {
	return {
		id: row.id,
		foreign_id: row.foreign_id,
		location_id: row.location_id,
		patient_id: row.patient_id,
		guarantor_id: row.guarantor_id,
		provider_id: row.provider_id,
		procedure_id: row.procedure_id,
		procedure_code: row.procedure_code,
		updated_at: iso(row.updated_at),
		description: row.description,
		fee: price(row.fee_cents),
		charged_at: row.charged_at,
		deleted_at: iso(row.deleted_at)
	};
}

/**
 * API_V20240412_Entities_Ledger_Insurance_ClaimPayout. A claim still out (sent) has its estimate
 * and the write-off the fee schedule will take, and no insurance payment yet; a received one what
 * insurance paid and the write-off taken (then also a credit adjustment on the ledger).
 */
export function formatPayout(row: PayoutRow) {
	return {
		amount_billed_to_insurance: price(row.billed_cents),
		estimated_insurance_payment: price(row.estimated_cents),
		insurance_payment: price(row.paid_cents),
		write_off: price(row.write_off_cents),
		allowed_amount: price(row.allowed_cents),
		claim_id: row.claim_id
	};
}

function ledger(row: LedgerRow) {
	return {
		id: row.id,
		foreign_id: row.foreign_id,
		location_id: row.location_id,
		patient_id: row.patient_id,
		guarantor_id: row.guarantor_id,
		provider_id: row.provider_id,
		updated_at: iso(row.updated_at),
		description: row.description,
		deleted_at: iso(row.deleted_at)
	};
}

/** API_V20240412_Entities_Ledger_Payment. */
export function formatPayment(row: PaymentRow) {
	return { ...ledger(row), payment_amount: price(row.amount_cents), paid_at: row.paid_at, transaction_id: row.transaction_id, charge_id: row.charge_id, claim_id: row.claim_id, payment_plan_id: null, insurance_plan_id: row.insurance_plan_id, payment_type_id: row.payment_type_id };
}

/** API_V20240412_Entities_Ledger_Adjustment. */
export function formatAdjustment(row: AdjustmentRow) {
	return { ...ledger(row), adjustment_amount: price(row.amount_cents), adjusted_at: row.adjusted_at, transaction_id: row.transaction_id, charge_id: row.charge_id, claim_id: row.claim_id, adjustment_type_id: row.adjustment_type_id };
}

/** API_V20240412_Entities_Ledger_PaymentType and …AdjustmentType (with `action`). */
export function formatType(row: TypeRow) {
	return { id: row.id, name: row.name, active: row.active, ...(row.action === undefined ? {} : { action: row.action }), updated_at: iso(row.updated_at) };
}

/** API_V2_Entities_Location (in /locations) and API_Entities_Location. */
export function formatLocation(ctx: FormatContext, row: LocationRow) {
	return {
		id: row.id,
		name: row.name,
		institution_id: row.institution_id,
		street_address: row.street_address,
		street_address_2: null,
		city: row.city,
		state: row.state,
		zip_code: row.zip_code,
		country_code: 'US',
		created_at: iso(row.created_at),
		updated_at: iso(row.updated_at),
		latitude: null,
		longitude: null,
		phone_number: row.phone_number,
		foreign_id: row.foreign_id,
		foreign_id_type: ctx.foreignIdType,
		email: row.email,
		tz: row.tz,
		last_sync_time: iso(ctx.lastSync),
		insert_appt_client: false,
		map_by_operatory: false,
		set_availability_by_operatory: false,
		inactive: row.inactive
	};
}

/** API_Entities_LocationBasic (in /sync_status). */
export const formatLocationBasic = (row: LocationRow) => ({ id: row.id, name: row.name, street_address: row.street_address ?? '', street_address_2: '', city: row.city ?? '', state: row.state ?? '', zip_code: row.zip_code ?? '', phone_number: row.phone_number ?? '', email: row.email ?? '', inactive: row.inactive });
