import type { SqlTx } from '../../store/Sql';
import { price, type ChargeRow, type PayoutRow } from './nexFormat';

/**
 * Claims, as far as the fake keeps them: a claim is the payouts that share its id, one per charge it
 * billed (claim_payout rows). What the includes of charges, payments and adjustments show of them.
 */
export type Claim = { id: number; status: 'sent' | 'received'; sentAt: string; receivedAt: string | null; insurancePlanId: number; charge: ChargeRow; payouts: PayoutRow[]; updatedAt: Date };

export async function loadClaims(tx: SqlTx, claimIds: readonly (number | null | undefined)[]): Promise<Map<number, Claim>> {
	const ids = [...new Set(claimIds.filter((id): id is number => typeof id === 'number'))];
	if (ids.length === 0) return new Map();
	const payouts = await tx.query<PayoutRow & { c: ChargeRow }>(
		`SELECT p.*, row_to_json(c) AS c FROM nexhealth.claim_payout p JOIN nexhealth.charge c ON c.id = p.charge_id WHERE p.claim_id = ANY($1::integer[]) ORDER BY p.id`,
		[ids]
	);
	const claims = new Map<number, Claim>();
	for (const payout of payouts) {
		const charge = { ...payout.c, updated_at: new Date(payout.c.updated_at), deleted_at: payout.c.deleted_at ? new Date(payout.c.deleted_at) : null };
		const claim = claims.get(payout.claim_id);
		if (claim) {
			claim.payouts.push(payout);
			if (payout.updated_at > claim.updatedAt) claim.updatedAt = payout.updated_at;
		} else claims.set(payout.claim_id, { id: payout.claim_id, status: payout.status, sentAt: payout.sent_at, receivedAt: payout.received_at, insurancePlanId: payout.insurance_plan_id, charge, payouts: [payout], updatedAt: payout.updated_at });
	}
	return claims;
}

const sum = (payouts: PayoutRow[], pick: (p: PayoutRow) => number) => payouts.reduce((total, p) => total + Number(pick(p)), 0);
const open = (p: PayoutRow) => p.status === 'sent';

/** API_V20240412_Entities_Ledger_ChargeClaimTotals over some payouts. */
export const claimTotals = (payouts: PayoutRow[]) => ({
	amount_billed_to_insurance: price(sum(payouts, (p) => p.billed_cents)),
	estimated_insurance_payment: price(sum(payouts, (p) => p.estimated_cents)),
	insurance_payment: price(sum(payouts, (p) => p.paid_cents)),
	write_off: price(sum(payouts, (p) => p.write_off_cents))
});

/** API_V20240412_Entities_Ledger_Insurance_ClaimBasic. */
export function formatClaim(claim: Claim) {
	const { charge } = claim;
	return {
		id: claim.id,
		location_id: charge.location_id,
		patient_id: charge.patient_id,
		provider_id: charge.provider_id,
		guarantor_id: charge.guarantor_id,
		status: claim.status,
		received_at: claim.receivedAt ? `${claim.receivedAt}T00:00:00.000Z` : null,
		sent_at: `${claim.sentAt}T00:00:00.000Z`,
		note: null,
		primary_insurance_plan_id: claim.insurancePlanId,
		secondary_insurance_plan_id: null,
		date_of_service: charge.charged_at,
		totals: claimTotals(claim.payouts),
		updated_at: claim.updatedAt.toISOString()
	};
}

/** API_V2_Entities_Ledger_Insurance_ClaimBasic (the `claim` include of payments and adjustments). */
export function formatClaimV2(claim: Claim) {
	const { charge } = claim;
	return {
		id: claim.id,
		location_id: charge.location_id,
		patient_id: charge.patient_id,
		provider_id: charge.provider_id ?? 0,
		guarantor_id: charge.guarantor_id,
		status: claim.status,
		sent_at: `${claim.sentAt}T00:00:00.000Z`,
		note: '',
		payment_estimate_total: price(sum(claim.payouts.filter(open), (p) => p.estimated_cents)),
		write_off_estimate_total: price(sum(claim.payouts.filter(open), (p) => p.write_off_cents)),
		write_off_total: price(sum(claim.payouts.filter((p) => !open(p)), (p) => p.write_off_cents))
	};
}

/** API_V2_Entities_Patient_Ledger_Charge (the `charge` include of payments and adjustments). */
export function formatChargeV2(charge: ChargeRow, payouts: PayoutRow[]) {
	return {
		id: charge.id,
		foreign_id: charge.foreign_id,
		location_id: charge.location_id,
		patient_id: charge.patient_id,
		guarantor_id: charge.guarantor_id,
		provider_id: charge.provider_id,
		updated_at: charge.updated_at.toISOString(),
		description: charge.description,
		deleted_at: charge.deleted_at ? charge.deleted_at.toISOString() : null,
		fee: price(charge.fee_cents),
		charged_at: charge.charged_at,
		procedure_id: String(charge.procedure_id ?? ''),
		claim_ids: [...new Set(payouts.map((p) => p.claim_id))],
		payment_estimate_total: price(sum(payouts.filter(open), (p) => p.estimated_cents)),
		write_off_estimate_total: price(sum(payouts.filter(open), (p) => p.write_off_cents)),
		write_off_total: price(sum(payouts.filter((p) => !open(p)), (p) => p.write_off_cents))
	};
}

export async function payoutsByCharge(tx: SqlTx, chargeIds: readonly number[]): Promise<Map<number, PayoutRow[]>> {
	const byCharge = new Map<number, PayoutRow[]>(chargeIds.map((id) => [id, []]));
	if (chargeIds.length === 0) return byCharge;
	for (const payout of await tx.query<PayoutRow>(`SELECT * FROM nexhealth.claim_payout WHERE charge_id = ANY($1::integer[]) ORDER BY id`, [chargeIds])) byCharge.get(payout.charge_id)?.push(payout);
	return byCharge;
}
