import type { PaysplitDb } from '../db/PaysplitDb';
import { readTable } from '../db/readTable';
import type { ChangesCursorRow, DeviceRow } from '../db/rows';

/** Where the next pull starts: `cursor` null means from the beginning of the bridge's feed. */
export type ChangesPosition = { cursor: string | null; deviceId: string | undefined };

/**
 * Reads the stored change-feed cursor (meta row `changes`) and the device's pairing through the
 * zod-checked reader, which moves a malformed row to the quarantine. A cursor saved under another
 * pairing is not used: pairing again usually means a new or rebuilt bridge, whose feed has other
 * cursors, and starting over only re-reads statuses the device already has.
 */
export async function readChangesCursor(db: PaysplitDb, now: () => number): Promise<ChangesPosition> {
	const rows = await readTable(db, 'meta', (t) => t.where('key').anyOf(['device', 'changes']).toArray(), now);
	const deviceId = rows.find((r): r is DeviceRow => r.key === 'device')?.deviceId;
	const saved = rows.find((r): r is ChangesCursorRow => r.key === 'changes');
	return { cursor: positionOf(saved, deviceId), deviceId };
}

/** The cursor `saved` gives the pairing `deviceId`: its own, or none (from the beginning). */
export function positionOf(saved: ChangesCursorRow | undefined, deviceId: string | undefined): string | null {
	return saved !== undefined && saved.deviceId === deviceId ? saved.cursor : null;
}
