import type { SqlTx } from '../store/Sql';

/**
 * What a payment is (to be) written with, in the caller's transaction: Paysplit's allocation at
 * posting time (absent when it is keyed by hand), the settings version in force, the PMS payment type.
 */
export async function recordPostingPlan(tx: SqlTx, paymentId: string, plan: { allocation?: unknown; settingsVersion: number; paymentTypeId: string | null }): Promise<void> {
	if (plan.allocation === undefined) {
		await tx.query(`UPDATE payment SET settings_version = $2, pms_payment_type = $3 WHERE id = $1`, [paymentId, plan.settingsVersion, plan.paymentTypeId]);
	} else {
		await tx.query(`UPDATE payment SET allocation = $2, settings_version = $3, pms_payment_type = $4 WHERE id = $1`, [paymentId, JSON.stringify(plan.allocation), plan.settingsVersion, plan.paymentTypeId]);
	}
}
