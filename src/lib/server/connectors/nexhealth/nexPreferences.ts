import type { PmsPreferences } from '../PmsConnector';

/**
 * What an unapplied remainder is called in Paysplit's ledger model. NexHealth has no unearned types
 * and no way to name one: what a payment's `charge_splits` leave over lands as a payment row with no
 * charge — Dentrix shows it as credit on the account, Eaglesoft as an "unassigned credit"
 * (shared/notes/nexhealth-dentrix-eaglesoft.md §3) — so the engine's remainder split carries this
 * one synthetic type, which is never sent.
 */
export const NEX_UNAPPLIED = { id: 'unapplied', name: 'Unapplied credit', hidden: false } as const;

/**
 * The allocation Paysplit computes and sends as explicit `charge_splits` for a practice behind
 * NexHealth (docs/nexhealth-connector.md, "Allocation profiles"). The rule for the PMS
 * default, from the seed: "apply the payment to the oldest balance-due portion of the total balance,
 * then the next, until the full payment is allocated" — `oldest_first` over the family's ledger,
 * subtracting insurance estimates (a charge's patient portion is its fee less what insurance is
 * expected to pay and write off). Clinics are off (a NexHealth location is one practice). Unattached
 * debit and credit adjustments of one patient and provider offset each other first, as Open Dental's
 * default does: the family's balance is the same either way, and a courtesy credit then cancels a
 * fee rather than a procedure. Eaglesoft adds its walkout rule: a payment goes to the charges dated
 * on its own date first ("today's walkout services first", §3), i.e. `payDateChargesFirst`. `emr` is
 * `sync_status.emr.name` ("dentrix", "eaglesoft"); any other takes the common profile.
 */
export function nexPreferences(emr: string): PmsPreferences {
	return {
		prepaymentType: NEX_UNAPPLIED.id,
		subtractInsuranceEstimates: true,
		adjustmentsOffsetEachOther: true,
		clinicsEnabled: false,
		order: 'oldest_first',
		payDateChargesFirst: emr === 'eaglesoft'
	};
}
