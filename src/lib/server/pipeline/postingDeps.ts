import type { PmsConnector } from '../connectors/PmsConnector';
import type { Logger } from '../log/createLogger';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';
import type { FollowUpRunner } from './createFollowUpRunner';
import type { WriteWatch } from './createWriteWatch';

/** What the posting worker takes from the bridge (STYLE: platform behind small interfaces). */
export type PostingDeps = {
	sql: Sql;
	connector: PmsConnector;
	mirror: PracticeMirror;
	now: () => Date;
	random: () => number;
	/** Events about one payment carry its id as the `paymentId` field. */
	log: Logger;
	/** How long the worker sleeps when there is nothing to do (it is also woken on new payments). */
	idleMs?: number;
	/**
	 * After a write with an unknown outcome (timeout, lost answer), how long to wait before reading
	 * the PMS back: a write still running in the PMS must have finished by then, or the read-back
	 * would miss it and the payment be written twice. Default 30 s; the bridge uses twice its PMS timeout.
	 */
	settleAfterUnknownMs?: number;
	/**
	 * For a PMS whose writes are asynchronous (`capabilities.writes: 'async'`): how long after a write
	 * the payment is looked for before a person is asked (NEXHEALTH_WRITE_TIMEOUT_MINUTES). It is never
	 * sent again on a guess. Default 30 minutes.
	 */
	asyncWriteTimeoutMs?: number;
	/** Whether the PMS takes writes now (default: asks the connector, at most every 10 s). */
	writeWatch?: WriteWatch;
	/** The practice's time zone (patient notes are dated in it). Default UTC. */
	timeZone?: string;
	/** Writes each posted payment's status and patient note when no payment is due (issue 6). */
	followUps?: FollowUpRunner;
	/**
	 * How many families the worker posts for at once (default 4). Each family still posts one payment
	 * at a time; more lanes overlap the waits on the PMS, not the work on one family.
	 */
	lanes?: number;
};
