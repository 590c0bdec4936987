import type { Ledger } from '../ledger/ledger';

/**
 * The family's completed procedures dated on the payment's date: what a PMS that pays "today's
 * walkout services first" (Eaglesoft, shared/notes/nexhealth-dentrix-eaglesoft.md §3) pays before
 * anything older. Every member's, since a walkout can close a family's visit.
 */
export function payDateCharges(ledger: Ledger, payDate: string): string[] {
	return ledger.procedures.filter((p) => p.status === 'complete' && p.date === payDate).map((p) => p.id);
}
