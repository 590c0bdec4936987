import type { SqlTx } from '../store/Sql';

/** What verification read back (DESIGN §3): the PMS's splits, and whether they are Paysplit's allocation (with the difference). */
export async function recordVerification(tx: SqlTx, paymentId: string, verified: { pmsSplits: unknown; matchesAllocation: boolean; difference: unknown }): Promise<void> {
	await tx.query(`UPDATE payment SET splits = $2, matches_allocation = $3, allocation_difference = $4 WHERE id = $1`, [paymentId, JSON.stringify(verified.pmsSplits), verified.matchesAllocation, JSON.stringify(verified.difference)]);
}
