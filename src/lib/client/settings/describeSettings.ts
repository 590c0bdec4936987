import type { PmsOptions, PracticeSettings } from '$lib/domain/settings/practiceSettings';

export const MODE_LABELS = { allocate: 'Post payment and allocate', post_only: 'Post payment only', providers_only: 'Allocate to providers only' } as const;
export const ORDER_LABELS = { adjustments_first: 'Adjustments first', oldest_first: 'Oldest first' } as const;

export type SettingLine = { key: string; label: string; value: string };

/**
 * The settings as lines a person reads ("Payment type: Paysplit"), named with the PMS's own names:
 * for the conflict view, which shows a manager both versions side by side.
 */
export function describeSettings(settings: PracticeSettings, options: PmsOptions | null): SettingLine[] {
	const typeName = (id: string | null) => (id === null ? 'Named for the method (Cash, Check, Credit Card)' : (options?.paymentTypes.find((t) => t.id === id)?.name ?? `Type ${id}`));
	const lines: SettingLine[] = [
		{ key: 'writeBack', label: 'Write payment to ledger', value: settings.writeBack ? 'On' : 'Off' },
		{ key: 'paymentTypeId', label: 'Payment type', value: typeName(settings.paymentTypeId) }
	];
	for (const clinic of options?.clinics ?? []) {
		const id = settings.clinicPaymentTypes[clinic.id];
		lines.push({ key: `clinic:${clinic.id}`, label: `Payment type at ${clinic.name}`, value: id ? typeName(id) : 'Same as the practice' });
	}
	lines.push(
		{ key: 'allocationMode', label: 'Allocation', value: MODE_LABELS[settings.allocationMode] },
		{ key: 'allocationOrder', label: 'Allocation order', value: settings.allocationOrder ? ORDER_LABELS[settings.allocationOrder] : 'As the PMS does' },
		{ key: 'writebackStatusId', label: 'Write-back status', value: settings.writebackStatusId === null ? 'As the PMS sets it' : (options?.writebackStatuses.find((s) => s.id === settings.writebackStatusId)?.name ?? settings.writebackStatusId) },
		{ key: 'patientNotes', label: 'Add patient notes in PMS', value: settings.patientNotes ? 'On' : 'Off' },
		{ key: 'staff', label: 'Staff', value: settings.staff.length > 0 ? settings.staff.join(', ') : 'None listed' }
	);
	return lines;
}
