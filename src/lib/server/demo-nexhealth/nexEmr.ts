/**
 * The practice management systems the NexHealth fake can stand for. NexHealth's Synchronizer reads
 * and writes both (docs/nexhealth-api-reference.md §7); the fake differs between them where they do:
 * the names of payment and adjustment types, the PMS's own ids (foreign_id), and what becomes of a
 * refund (Dentrix cannot take a positive payment: NexHealth writes it as a debit adjustment).
 */
export const NEX_EMRS = ['dentrix', 'eaglesoft'] as const;
export type NexEmr = (typeof NEX_EMRS)[number];

export function isNexEmr(value: string): value is NexEmr {
	return (NEX_EMRS as readonly string[]).includes(value);
}

/** `sync_status.emr`, as the document's example spells it (`{"id": 11, "name": "dentrix", "display_name": "Dentrix", "type": "onprem"}`). */
export const EMR_INFO: Record<NexEmr, { id: number; name: string; display_name: string; type: 'onprem' | 'cloud' }> = {
	dentrix: { id: 11, name: 'dentrix', display_name: 'Dentrix', type: 'onprem' },
	eaglesoft: { id: 12, name: 'eaglesoft', display_name: 'Eaglesoft', type: 'onprem' }
};

/** The `foreign_id_type` NexHealth gives records synced from this PMS (as in its docs' "msg-opendental-DataSource-35"). */
export const foreignIdType = (emr: NexEmr) => `msg-${emr}-DataSource-7`;
