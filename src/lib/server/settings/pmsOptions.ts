import type { PmsOptions } from '$lib/domain/settings/practiceSettings';
import type { PmsConnector } from '../connectors/PmsConnector';
import type { PracticeMirror } from '../practice/createPracticeMirror';

/** What the connected PMS offers (`GET /pms/options`), from the bridge's last read of it; null before the first read. */
export async function pmsOptions(mirror: PracticeMirror, connector: PmsConnector): Promise<PmsOptions | null> {
	const practice = await mirror.meta();
	if (!practice) return null;
	const { paymentTypes, unearnedTypes, clinics, providers, preferences } = practice.meta;
	const { writableModes, writebackStatuses, patientNotes, splitsBy, writes } = connector.capabilities;
	return { paymentTypes, writebackStatuses, unearnedTypes, clinics, providers, preferences, capabilities: { writableModes, patientNotes, splitsBy, writes } };
}
