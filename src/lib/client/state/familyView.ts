import type { Family, Patient } from '$lib/domain/api/patientsFeed';
import { patientPortion } from '$lib/domain/allocation/patientPortion';

export type LedgerLine = { key: string; date: string; kind: 'procedure' | 'adjustment' | 'payment'; patientId: string; label: string; providerId: string | null; amount: number };

/**
 * A family's ledger as staff read it, newest first: charges (the patient portion of completed
 * procedures, adjustments) and payments (credits, negative).
 */
export function ledgerLines(family: Family, subtractInsuranceEstimates = true): LedgerLine[] {
	const lines: LedgerLine[] = [];
	for (const p of family.ledger.procedures) {
		if (p.status !== 'complete') continue;
		lines.push({ key: `p${p.id}`, date: p.date, kind: 'procedure', patientId: p.patientId, label: [p.code, p.description].filter(Boolean).join(' ') || `Procedure ${p.id}`, providerId: p.providerId, amount: patientPortion(p, subtractInsuranceEstimates) });
	}
	for (const a of family.ledger.adjustments) {
		lines.push({ key: `a${a.id}`, date: a.date, kind: 'adjustment', patientId: a.patientId, label: a.description ?? 'Adjustment', providerId: a.providerId, amount: a.amount });
	}
	const payments = new Map<string, LedgerLine>();
	for (const s of family.ledger.splits) {
		const existing = payments.get(s.paymentId);
		if (existing) existing.amount -= s.amount;
		else payments.set(s.paymentId, { key: `s${s.paymentId}`, date: s.date, kind: 'payment', patientId: s.patientId, label: 'Payment', providerId: null, amount: -s.amount });
	}
	lines.push(...payments.values());
	return lines.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? 1 : -1));
}

export function fullName(patient: Pick<Patient, 'firstName' | 'lastName'>): string {
	return `${patient.firstName} ${patient.lastName}`;
}
