import type { Bridge } from '../bridge/startBridge';
import type { Logger } from '../log/createLogger';
import type { Sql } from '../store/Sql';

/** What clearing needs from the bridge: the store, the clock, the log, and a way to wake posting. */
export type ClearingDeps = {
	sql: Sql;
	now: () => Date;
	log: Logger;
	/** Called after a payment cleared, so the posting worker writes it without waiting for its idle timer. */
	onSettled: () => void;
};

export function clearingDepsOf(bridge: Pick<Bridge, 'sql' | 'now' | 'log' | 'worker'>): ClearingDeps {
	return { sql: bridge.sql, now: bridge.now, log: bridge.log, onSettled: () => bridge.worker.wake() };
}
