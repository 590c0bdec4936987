import Dexie, { type EntityTable } from 'dexie';
import type { FamilyRow, MetaRow, PatientRow, PaymentRow, SettingsRow } from './rows';

/**
 * The device's database `paysplit` (DESIGN §5). Schema changes only through new versions with
 * upgrade functions; never edit a released version.
 */
export class PaysplitDb extends Dexie {
	meta!: EntityTable<MetaRow, 'key'>;
	patients!: EntityTable<PatientRow, 'id'>;
	families!: EntityTable<FamilyRow, 'guarantorId'>;
	payments!: EntityTable<PaymentRow, 'id'>;
	settings!: EntityTable<SettingsRow, 'key'>;

	constructor(options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}, name = 'paysplit') {
		super(name, options);
		this.version(1).stores({
			meta: 'key',
			patients: 'id, guarantorId, searchName',
			families: 'guarantorId',
			payments: 'id, status, updatedAt, intent.patientId'
		});
		// v2: the practice's settings and the PMS's options, cached for offline previews.
		this.version(2).stores({ settings: 'key' });
	}
}
