/**
 * Why `allocatePayment` refused its input (`shared/allocation.md`, "Errors"). A closed union: a new
 * reason must be added here, and every `switch` over it then fails to build until it is handled.
 */
export type AllocationErrorCode =
	/** The input does not have the contract's shape (a missing field, a wrong type, an unknown mode). */
	| 'invalid_input'
	/** The payment amount is not a positive safe integer of cents. */
	| 'invalid_payment_amount'
	/** Some other amount (fee, adjustment, split, claim field) is not a safe integer of cents. */
	| 'invalid_amount'
	/** The amounts are so large that adding them up would lose cents (past Number.MAX_SAFE_INTEGER). */
	| 'amount_out_of_range'
	/** A date is not a real calendar date written YYYY-MM-DD. */
	| 'invalid_date'
	/** A procedure's units are below 0 or not whole. */
	| 'invalid_units'
	/** A procedure's fee is below 0. */
	| 'negative_fee'
	/** An id is used twice within one collection. */
	| 'duplicate_id'
	/** The payment, a procedure, an adjustment or a split names a patient not in `ledger.patients`. */
	| 'unknown_patient'
	/** `payFirst` or a link (`procedureId`) names a procedure not in `ledger.procedures`. */
	| 'unknown_procedure'
	/** A split's `adjustmentId` names an adjustment not in `ledger.adjustments`. */
	| 'unknown_adjustment'
	/** A bug in the engine: reported instead of thrown, because thrown errors lose their detail across the worker boundary. */
	| 'internal_error';
