import type { PmsConnector, PmsWriteStatus } from '../connectors/PmsConnector';

/** Whether the PMS takes writes now, as last read (at most every `maxAgeMs`), and since when it has not. */
export type WriteWatch = {
	/** Reads the PMS's write status when the last reading is older than `maxAgeMs`; a failed read keeps the last one. */
	status(): Promise<PmsWriteStatus>;
	/** The last reading, without asking the PMS (for the health answer). */
	last(): PmsWriteStatus;
};

/**
 * Watches the PMS's write side (NexHealth: the Synchronizer's `sync_status.write_status`): payments
 * wait in `cleared` while it does not take writes, and the devices' header says why. Open Dental is
 * always writable (its calls fail on their own).
 */
export function createWriteWatch(connector: Pick<PmsConnector, 'writeStatus'>, now: () => Date, maxAgeMs = 10_000): WriteWatch {
	let last: PmsWriteStatus = { writable: true };
	let readAt = -Infinity;
	let reading: Promise<PmsWriteStatus> | null = null;
	return {
		async status() {
			if (now().getTime() - readAt < maxAgeMs) return last;
			reading ??= connector
				.writeStatus()
				.then((result) => {
					readAt = now().getTime();
					if (result.ok) last = result.value;
					return last;
				})
				.finally(() => {
					reading = null;
				});
			return reading;
		},
		last: () => last
	};
}
