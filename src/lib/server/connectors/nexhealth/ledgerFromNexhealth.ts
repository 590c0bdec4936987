import type { Claim, Ledger } from '$lib/domain/ledger/ledger';
import type { Cents } from '$lib/domain/money/cents';
import { paymentFromWire } from './nexMoney';
import { nexGuarantorId } from './nexPatient';
import { NEX_UNAPPLIED } from './nexPreferences';
import type { NexAdjustment, NexCharge, NexClaimPayout, NexPatient, NexPayment } from './nexWire';

export type NexFamilyRows = {
	/** The family's members (patients whose guarantor is the family's). */
	patients: NexPatient[];
	charges: NexCharge[];
	adjustments: NexAdjustment[];
	payments: NexPayment[];
};

/** No provider (NexHealth gives null or 0): the ledger needs an id, and 0 names no one. */
const provider = (id: number | null | undefined) => String(id || 0);
const NO_DATE = '0001-01-01';

/**
 * A claim payout as the engine's claim, so that the engine's patient portion of a charge is
 * fee − Σ over its payouts of (insurance payment once received, else the estimated one) − write-off
 * (the issue; `patientPortion`, allocation.md rule 1). A payout counts as received once it carries
 * an insurance payment: the payout has no status of its own in v20240412, and GET /claims (which
 * has one) is not read. A claim received with nothing paid (a denial) therefore still counts its
 * estimate until the PMS zeroes it: the patient is asked for less, never more.
 */
function claimOf(payout: NexClaimPayout): Claim {
	const paid = payout.insurance_payment ?? 0;
	const writeOff = (payout.write_off ?? 0) as Cents;
	if (paid > 0) return { status: 'received', insPayAmt: paid as Cents, writeOff };
	return { status: 'not_received', insPayEst: (payout.estimated_insurance_payment ?? 0) as Cents, writeOffEst: writeOff };
}

/**
 * One family's NexHealth rows → the ledger the allocation engine and the devices read
 * (shared/allocation.md; docs/nexhealth-connector.md, "Mapping"):
 * - each charge is a completed procedure (fee, one unit) with a claim per payout;
 * - adjustments are signed charges as NexHealth signs them (debit +, credit −), attached to their
 *   charge; an adjustment with a `claim_id` is insurance's write-off on that claim, already taken in
 *   the payout's `write_off`, so it is left out rather than counted twice;
 * - patient payments are existing splits (positive: money received), linked to their charge when
 *   `charge_id` names one of the family's; insurance payments (`insurance_plan_id` or `claim_id` set)
 *   are left out, as the payouts' `insurance_payment` already takes them off the charge.
 * Deleted rows, and rows of patients outside the family, are not in the ledger. Links to a charge
 * not in the ledger are dropped (the credit stays free credit). Rows are in id order, so one family
 * read twice gives the same ledger (the bridge hashes it).
 */
export function ledgerFromNexhealth(rows: NexFamilyRows): Ledger {
	const members = new Set(rows.patients.map((p) => p.id));
	const live = <T extends { id: number; patient_id?: number | null; deleted_at?: string | null }>(list: T[]) =>
		list.filter((row) => !row.deleted_at && row.patient_id != null && members.has(row.patient_id)).sort((a, b) => a.id - b.id);
	const charges = live(rows.charges);
	const chargeIds = new Set(charges.map((c) => c.id));
	const chargeLink = (id: number | null | undefined) => (id != null && chargeIds.has(id) ? String(id) : null);
	return {
		patients: [...rows.patients].sort((a, b) => a.id - b.id).map((p) => ({ id: String(p.id), guarantorId: nexGuarantorId(p), primaryProviderId: provider(p.provider_id) })),
		unearnedTypes: [{ ...NEX_UNAPPLIED }],
		procedures: charges.map((c) => ({
			id: String(c.id),
			patientId: String(c.patient_id),
			providerId: provider(c.provider_id),
			clinicId: null,
			date: c.charged_at ?? NO_DATE,
			status: 'complete' as const,
			...(c.procedure_code ? { code: c.procedure_code } : {}),
			...(c.description ? { description: c.description } : {}),
			fee: c.fee as Cents,
			units: 1,
			claims: (c.claim_payouts ?? []).map(claimOf)
		})),
		adjustments: live(rows.adjustments)
			.filter((a) => a.claim_id == null)
			.map((a) => ({
				id: String(a.id),
				patientId: String(a.patient_id),
				providerId: provider(a.provider_id),
				clinicId: null,
				date: a.adjusted_at ?? NO_DATE,
				amount: a.adjustment_amount as Cents,
				procedureId: chargeLink(a.charge_id),
				...(a.description ? { description: a.description } : {})
			})),
		splits: live(rows.payments)
			.filter((p) => p.insurance_plan_id == null && p.claim_id == null)
			.map((p) => ({
				id: String(p.id),
				paymentId: String(p.id),
				patientId: String(p.patient_id),
				providerId: p.provider_id ? String(p.provider_id) : null,
				clinicId: null,
				date: p.paid_at ?? NO_DATE,
				amount: paymentFromWire(p.payment_amount) as Cents,
				procedureId: chargeLink(p.charge_id),
				adjustmentId: null,
				unearnedType: null
			}))
	};
}
