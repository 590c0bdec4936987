import { localDateTime } from '$lib/domain/dates/localDateTime';
import type { PmsIdentity, PmsWriteStatus } from '../PmsConnector';
import type { NexSyncStatus } from './nexWire';

/**
 * The Synchronizer serving `locationId`, from GET /sync_status (one entry per sync source): the one
 * that lists the location, else the only one. Null when NexHealth reports none.
 */
export function syncSourceFor(statuses: NexSyncStatus[], locationId: number): NexSyncStatus | null {
	return statuses.find((s) => s.locations?.some((l) => l.id === locationId)) ?? (statuses.length === 1 ? (statuses[0] ?? null) : null);
}

/** The EMR's name for people ("Dentrix"), from `emr.display_name`, else its `name`. */
function emrDisplayName(status: NexSyncStatus): string {
	const emr = status.emr;
	if (!emr) return 'the practice management system';
	return emr.display_name?.trim() || emr.name;
}

export function nexIdentity(status: NexSyncStatus): PmsIdentity {
	return { connector: 'nexhealth', emr: emrDisplayName(status) };
}

/**
 * Whether the Synchronizer writes into the PMS now (`write_status`: green up, red down). While it is
 * red NexHealth still answers 202, but the write waits (docs how-a-write-reaches-the-ehr), so
 * Paysplit holds payments itself and says so in words a front desk reads, with the time it went
 * down in the practice's zone (a time today, else the date too).
 */
export function nexWriteStatus(status: NexSyncStatus, timeZone: string, now: Date): PmsWriteStatus {
	if (status.write_status === 'green') return { writable: true };
	const emr = emrDisplayName(status);
	const since = status.write_status_at ? Date.parse(status.write_status_at) : NaN;
	let when = '';
	if (Number.isFinite(since)) {
		const at = localDateTime(new Date(since), timeZone);
		when = at.slice(0, 10) === localDateTime(now, timeZone).slice(0, 10) ? at.slice(11, 16) : `${at.slice(0, 10)} ${at.slice(11, 16)}`;
	}
	const unknown = status.write_status == null;
	return {
		writable: false,
		reason: unknown
			? `NexHealth does not say whether ${emr} is taking new payments; they wait here and are sent when it does`
			: `${emr} is not taking new payments through NexHealth right now${when ? ` (since ${when})` : ''}; they wait here and are sent when it is back`
	};
}
