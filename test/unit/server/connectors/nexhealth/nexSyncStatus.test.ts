import { describe, expect, it } from 'vitest';
import { nexIdentity, nexWriteStatus, syncSourceFor } from '$lib/server/connectors/nexhealth/nexSyncStatus';
import { nexSyncStatusSchema } from '$lib/server/connectors/nexhealth/nexWire';

const status = (write: 'green' | 'red', at: string, emr = { id: 11, name: 'dentrix', display_name: 'Dentrix', type: 'onprem' }) =>
	nexSyncStatusSchema.parse({ institution_id: 1, emr, read_status: 'green', read_status_at: at, write_status: write, write_status_at: at, locations: [{ id: 4312, name: 'Main' }] });
const now = new Date('2026-11-23T19:30:00Z');

describe('NexHealth sync status', () => {
	it('names the EMR for people', () => {
		expect(nexIdentity(status('green', '2026-11-23T19:05:00Z'))).toEqual({ connector: 'nexhealth', emr: 'Dentrix' });
	});

	it('green: writable', () => {
		expect(nexWriteStatus(status('green', '2026-11-23T19:05:00Z'), 'America/New_York', now)).toEqual({ writable: true });
	});

	it('red: not writable, since when in the practice’s time, in words a front desk reads', () => {
		expect(nexWriteStatus(status('red', '2026-11-23T19:05:00Z'), 'America/New_York', now)).toEqual({ writable: false, reason: 'Dentrix is not taking new payments through NexHealth right now (since 14:05); they wait here and are sent when it is back' });
		expect(nexWriteStatus(status('red', '2026-11-20T13:00:00Z', { id: 12, name: 'eaglesoft', display_name: 'Eaglesoft', type: 'onprem' }), 'America/New_York', now)).toEqual({ writable: false, reason: 'Eaglesoft is not taking new payments through NexHealth right now (since 2026-11-20 08:00); they wait here and are sent when it is back' });
	});

	it('the Synchronizer of the configured location is the one read', () => {
		const other = nexSyncStatusSchema.parse({ write_status: 'red', locations: [{ id: 9 }] });
		const ours = status('green', '2026-11-23T19:05:00Z');
		expect(syncSourceFor([other, ours], 4312)).toBe(ours);
		expect(syncSourceFor([other, ours], 77)).toBeNull();
	});
});
