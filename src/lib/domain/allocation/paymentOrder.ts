/**
 * Rule 8's order for the new payment: rule 2 order (`order`), except that with "prefer this
 * patient" the paying patient's charges (`own[c] === 1`) come first (Open Dental re-sorts after
 * implicit linking). Each part keeps its order.
 */
export function paymentOrder(order: Int32Array, preferPatient: boolean, own: Uint8Array): Int32Array {
	if (!preferPatient) return order;
	const ordered = new Int32Array(order.length);
	let next = 0;
	for (let position = 0; position < order.length; position++) if (own[order[position] as number] === 1) ordered[next++] = order[position] as number;
	for (let position = 0; position < order.length; position++) if (own[order[position] as number] === 0) ordered[next++] = order[position] as number;
	return ordered;
}
