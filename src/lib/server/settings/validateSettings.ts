import type { Issue } from '$lib/domain/api/errorBody';
import type { PmsOptions, PracticeSettings } from '$lib/domain/settings/practiceSettings';

/**
 * Checks the settings' choices against what the connected PMS offers: payment types, clinics and
 * write-back statuses it lists, an allocation mode it can write, notes only where it takes them.
 * Empty when all is well, or when the PMS has not been read yet (nothing to check against).
 */
export function validateSettings(settings: PracticeSettings, options: PmsOptions | null): Issue[] {
	if (!options) return [];
	const issues: Issue[] = [];
	const types = new Set(options.paymentTypes.map((t) => t.id));
	const typeList = options.paymentTypes.map((t) => `${t.id} (${t.name})`).join(', ');
	if (settings.paymentTypeId !== null && !types.has(settings.paymentTypeId)) issues.push({ path: 'settings.paymentTypeId', message: `"${settings.paymentTypeId}" is not one of the PMS's payment types: ${typeList}` });
	const clinics = new Set(options.clinics.map((c) => c.id));
	for (const [clinic, type] of Object.entries(settings.clinicPaymentTypes)) {
		if (!clinics.has(clinic)) issues.push({ path: `settings.clinicPaymentTypes.${clinic}`, message: `"${clinic}" is not one of the PMS's clinics: ${options.clinics.map((c) => c.id).join(', ') || 'none'}` });
		else if (!types.has(type)) issues.push({ path: `settings.clinicPaymentTypes.${clinic}`, message: `"${type}" is not one of the PMS's payment types: ${typeList}` });
	}
	if (!options.capabilities.writableModes.includes(settings.allocationMode)) issues.push({ path: 'settings.allocationMode', message: `"${settings.allocationMode}" cannot be written to this PMS; allowed: ${options.capabilities.writableModes.join(', ')}` });
	if (settings.writebackStatusId !== null && !options.writebackStatuses.some((s) => s.id === settings.writebackStatusId)) {
		issues.push({ path: 'settings.writebackStatusId', message: `"${settings.writebackStatusId}" is not a write-back status of this PMS; allowed: ${options.writebackStatuses.map((s) => s.id).join(', ') || 'none'}` });
	}
	if (settings.patientNotes && !options.capabilities.patientNotes) issues.push({ path: 'settings.patientNotes', message: 'this PMS does not take patient notes from Paysplit' });
	return issues;
}
