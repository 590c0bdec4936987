/**
 * Rule 7's order for implicit linking and its final step. With "prefer this patient", the paying
 * patient's charges go after the rest of the family, so old credit settles relatives' charges and
 * the new payment can go to the patient's own; the procedures picked to pay first go after
 * everything, since the new payment already went to them. Each part keeps its rule 2 order.
 * `own[c]` is 1 for a charge of the paying patient when "prefer this patient" is on (else all 0),
 * `picked[c]` 1 for a procedure picked to pay first.
 */
export function linkingOrder(order: Int32Array, own: Uint8Array, picked: Uint8Array): Int32Array {
	// Counted first, then each charge goes straight to its place: one pass to count, one to place.
	let family = 0;
	let ownCount = 0;
	for (let position = 0; position < order.length; position++) {
		const charge = order[position] as number;
		if (picked[charge] === 1) continue;
		if (own[charge] === 1) ownCount++;
		else family++;
	}
	const ordered = new Int32Array(order.length);
	let nextFamily = 0;
	let nextOwn = family;
	let nextPicked = family + ownCount;
	for (let position = 0; position < order.length; position++) {
		const charge = order[position] as number;
		if (picked[charge] === 1) ordered[nextPicked++] = charge;
		else if (own[charge] === 1) ordered[nextOwn++] = charge;
		else ordered[nextFamily++] = charge;
	}
	return ordered;
}
