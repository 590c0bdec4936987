import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { Family } from '$lib/domain/api/patientsFeed';
import type { Cents } from '$lib/domain/money/cents';
import { isFinalStatus } from '$lib/domain/payment/PaymentStatus';
import { allocationOptionsFor } from '$lib/domain/settings/allocationOptionsFor';
import type { Ledger } from '$lib/domain/ledger/ledger';
import { withPendingCredits, type PendingCredit } from '$lib/domain/ledger/withPendingCredits';
import type { PatientRow, PaymentRow, SettingsRow } from '../db/rows';

/**
 * Payments taken on this device that the cached ledger does not show yet: everything not refused
 * and not ended, and posted ones whose posting is newer than the ledger copy.
 */
export function pendingCredits(payments: readonly PaymentRow[], guarantorMembers: ReadonlySet<string>, ledgerAsOf: string | null): PendingCredit[] {
	return payments
		.filter((row) => guarantorMembers.has(row.intent.patientId))
		.filter((row) => {
			if (row.status === 'rejected' || row.status === 'voided') return false;
			if (row.status === 'posted' || row.status === 'verified' || row.status === 'posted_manually') return ledgerAsOf === null || ledgerAsOf < row.updatedAt;
			return !isFinalStatus(row.status);
		})
		.map((row) => ({
			id: row.id,
			patientId: row.intent.patientId,
			amount: row.intent.amount,
			payDate: row.intent.payDate,
			clinicId: row.intent.clinicId ?? null,
			...(row.intent.preview ? { preview: row.intent.preview } : {})
		}));
}

/**
 * The family's ledger as the preview sees it: the cached copy plus the pending payments (DESIGN §2).
 * Made once per change of either, not per keystroke: the worker keeps the ledger object it was last
 * sent (`createLedgerPreview`), so while only the amount changes this must stay the same object.
 */
export function previewLedger(family: Family, pending: readonly PendingCredit[]): Ledger {
	return withPendingCredits(family.ledger, pending);
}

/** The allocation engine's input for the payment being entered, from the device's cached data and `previewLedger`. */
export function previewInput(args: {
	patient: PatientRow;
	ledger: Ledger;
	settings: SettingsRow;
	amount: Cents;
	payDate: string;
	choice: { preferPatient: boolean; payFirst: string[] };
}): AllocationInput | null {
	const options = args.settings.pms.options;
	if (!options) return null;
	const clinicId = options.preferences.clinicsEnabled ? (args.patient.clinicId ?? null) : null;
	return {
		payment: { patientId: args.patient.id, amount: args.amount, payDate: args.payDate, clinicId },
		mode: args.settings.settings.allocationMode,
		options: allocationOptionsFor(args.settings.settings, options.preferences, args.choice, { payDate: args.payDate, ledger: args.ledger }),
		ledger: args.ledger
	};
}
