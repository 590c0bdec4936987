import { formatContext, type NexContext } from './nexContext';
import { claimTotals, formatClaim, loadClaims, payoutsByCharge } from './nexClaims';
import { formatCharge, formatPatient, formatPayout, formatPatientUser, formatProviderV2, price, type ChargeRow, type PatientRow, type ProviderRow } from './nexFormat';
import { choicesParam } from './nexQuery';
import { includes, readLedgerList } from './readLedgerList';
import { readOne, rowsById } from './readOne';

/**
 * GET /charges (getCharges): the location's charges by patient, provider, procedure, guarantor or
 * updated_since, each with its `claim_payouts` when `include[]=claim_payouts` asks for them (the
 * document's only include here; the fake does not add them unasked). A charge's patient portion is
 * its fee, plus its adjustments and payments (negative), less what its open claims are still
 * expected to pay and write off (docs/nexhealth-api-reference.md §4).
 */
export function readCharges(ctx: NexContext, url: URL): Promise<Response> {
	return readLedgerList(ctx, url, {
		resource: 'charges',
		table: 'nexhealth.charge',
		idFilters: { patient_id: 'patient_id', provider_id: 'provider_id', procedure_id: 'procedure_id', guarantor_id: 'guarantor_id' },
		requireOneOf: ['patient_id', 'provider_id', 'procedure_id', 'guarantor_id', 'updated_since'],
		sortable: ['updated_at', '-updated_at'],
		extra: { 'include[]': choicesParam(['claim_payouts']) },
		format: async (rows, query) => {
			const charges = rows as ChargeRow[];
			if (!includes(query).has('claim_payouts')) return charges.map(formatCharge);
			const payouts = await payoutsByCharge(ctx.sql, charges.map((c) => c.id));
			return charges.map((c) => ({ ...formatCharge(c), claim_payouts: (payouts.get(c.id) ?? []).map(formatPayout) }));
		}
	});
}

const CHARGE_INCLUDES = ['patient', 'provider', 'procedure', 'guarantor', 'claims', 'claim_payouts', 'totals'] as const;

/** GET /charges/{id} (getChargesId), with include[]. */
export function readCharge(ctx: NexContext, url: URL, id: number): Promise<Response> {
	return readOne(ctx, url, id, {
		table: 'nexhealth.charge',
		label: 'Charge',
		extra: { 'include[]': choicesParam(CHARGE_INCLUDES) },
		format: async (row, query) => {
			const charge = row as ChargeRow;
			const include = includes(query);
			const format = formatContext(ctx);
			const out: Record<string, unknown> = formatCharge(charge);
			const payouts = (await payoutsByCharge(ctx.sql, [charge.id])).get(charge.id) ?? [];
			if (include.has('patient') || include.has('guarantor')) {
				const people = await rowsById<PatientRow>(ctx.sql, 'nexhealth.patient', [charge.patient_id, charge.guarantor_id]);
				const patient = people.get(charge.patient_id);
				const guarantor = people.get(charge.guarantor_id);
				if (include.has('patient') && patient) out.patient = formatPatient(format, patient);
				if (include.has('guarantor') && guarantor) out.guarantor = formatPatientUser(format, guarantor);
			}
			if (include.has('provider')) {
				const provider = (await rowsById<ProviderRow>(ctx.sql, 'nexhealth.provider', [charge.provider_id])).get(charge.provider_id ?? -1);
				if (provider) out.provider = formatProviderV2(format, provider);
			}
			if (include.has('procedure')) {
				out.procedure = { id: charge.procedure_id ?? 0, location_id: charge.location_id, patient_id: charge.patient_id, provider_id: charge.provider_id, appointment_id: null, code: charge.procedure_code, name: charge.description, status: 'completed', updated_at: charge.updated_at.toISOString(), body_site: { tooth: [], surface: '' }, fee: price(charge.fee_cents), start_date: charge.charged_at, end_date: charge.charged_at, treatment_plan_ids: [] };
			}
			if (include.has('claims')) out.claims = [...(await loadClaims(ctx.sql, payouts.map((p) => p.claim_id))).values()].map(formatClaim);
			if (include.has('claim_payouts')) out.claim_payouts = payouts.map(formatPayout);
			if (include.has('totals')) out.totals = claimTotals(payouts);
			return out;
		}
	});
}
