import type { DemoClock } from '../../demo-pms/api/postPayment';
import type { Sql } from '../../store/Sql';
import { foreignIdType, type NexEmr } from '../nexEmr';
import type { WriteQueue } from '../writeQueue';
import type { FormatContext } from './nexFormat';
import { nexError } from './nexResponse';

/** The one institution and location the fake serves, as seeded. */
export type NexPractice = { emr: NexEmr; institutionId: number; subdomain: string; locationId: number; timeZone: string };

/** What the demo can be told at run time (`PUT /_demo/...`): the Synchronizer's health and the account's access. */
export type NexState = {
	readStatus: 'green' | 'red';
	readStatusAt: Date;
	writeStatus: 'green' | 'red';
	writeStatusAt: Date;
	/** Off: ledger endpoints answer 403 "You don't have access to perform this action." (financial data not switched on for the key). */
	ledgerAccess: boolean;
	tokenTtlSeconds: number;
	syncSeconds: number;
};

export type NexContext = { sql: Sql; clock: DemoClock; practice: NexPractice; state: NexState; queue: WriteQueue };

export const formatContext = (ctx: NexContext): FormatContext => ({ institutionId: ctx.practice.institutionId, foreignIdType: foreignIdType(ctx.practice.emr), lastSync: ctx.state.readStatusAt });

/**
 * The institution and location a request is scoped to (`subdomain`, `location_id`), where the
 * document requires them: a missing one is "… is missing" (the wording of Grape, NexHealth's API
 * framework, for a missing required parameter), one the key cannot see is 403.
 */
export function checkScope(ctx: NexContext, query: { subdomain?: string | undefined; location_id?: number | undefined }, needs: { subdomain: boolean; location: boolean }): Response | null {
	const missing = [needs.subdomain && query.subdomain === undefined ? 'subdomain is missing' : null, needs.location && query.location_id === undefined ? 'location_id is missing' : null].filter((m): m is string => m !== null);
	if (missing.length > 0) return nexError(400, missing);
	if (query.subdomain !== undefined && query.subdomain !== ctx.practice.subdomain) return nexError(403, `You don't have access to the institution "${query.subdomain.length > 60 ? `${query.subdomain.slice(0, 60)}…` : query.subdomain}".`);
	if (query.location_id !== undefined && query.location_id !== ctx.practice.locationId) return nexError(403, `You don't have access to location ${query.location_id}.`);
	return null;
}
