import { wholeIdValue } from './wholeIdValue';

/** Ids whose whole-number values spread wider than this many slots per id are kept in the map only. */
const SLOTS_PER_ID = 4;
/** A small ledger may always use a table of this many slots (4 KB), however sparse its ids. */
const MIN_SLOTS = 1_024;

/*
 * Why not just a `Map<string, number>`: on a 100,000-entry ledger the three maps of procedures,
 * adjustments and splits held ~100,000 entries, grew by rehashing several times and missed the
 * cache on every lookup; building them was a tenth of the whole run. Open Dental's ids are whole
 * numbers handed out in sequence (ProcNum, AdjNum, SplitNum), so the ids of one collection are
 * nearly a range of numbers: a typed array indexed by value finds them with no hashing and 4 bytes
 * per id. Any other id ("007", "a1", one past 15 digits) goes to a map, and so does every id when
 * the values are too spread out for a table.
 */

/**
 * Where each item of one collection sits, by id, and the first item whose id was already used.
 * Also keeps each id's `wholeIdValue`, which the sorts of rule 2 and rule 7 compare.
 */
export class IdIndex {
	/** `wholeIdValue` of each item's id (NaN for an id that is not a plain whole number). */
	readonly values: Float64Array;
	/** The first item whose id an earlier item already has, or −1 when the ids are unique. */
	readonly duplicateAt: number;
	/** The whole-number value of slot 0 of `#slots`. */
	readonly #offset: number;
	/** Index + 1 of the item whose id is the whole number `#offset + k`, or 0; empty when every id is in `#others`. */
	readonly #slots: Int32Array;
	readonly #others = new Map<string, number>();

	constructor(items: readonly { readonly id: string }[]) {
		const values = new Float64Array(items.length);
		let min = Number.POSITIVE_INFINITY;
		let max = Number.NEGATIVE_INFINITY;
		for (let index = 0; index < items.length; index++) {
			const value = wholeIdValue((items[index] as { readonly id: string }).id);
			values[index] = value;
			// NaN compares false both ways, so other ids leave min and max alone.
			if (value < min) min = value;
			if (value > max) max = value;
		}
		const useTable = max >= min && max - min < SLOTS_PER_ID * items.length + MIN_SLOTS;
		this.values = values;
		this.#offset = useTable ? min : 0;
		this.#slots = new Int32Array(useTable ? max - min + 1 : 0);

		let duplicateAt = -1;
		for (let index = 0; index < items.length; index++) {
			const value = values[index] as number;
			if (useTable && value === value) {
				const slot = value - this.#offset;
				if (this.#slots[slot] !== 0) {
					duplicateAt = index;
					break;
				}
				this.#slots[slot] = index + 1;
			} else {
				const id = (items[index] as { readonly id: string }).id;
				const size = this.#others.size;
				if (this.#others.set(id, index).size === size) {
					duplicateAt = index;
					break;
				}
			}
		}
		this.duplicateAt = duplicateAt;
	}

	/** The index of the item with id `id`, or −1 when there is none. */
	indexOf(id: string): number {
		if (this.#slots.length > 0) {
			const value = wholeIdValue(id);
			// A whole-number id is only ever in the table, so one outside it is in no item.
			if (value === value) {
				const slot = value - this.#offset;
				return slot >= 0 && slot < this.#slots.length ? (this.#slots[slot] as number) - 1 : -1;
			}
		}
		return this.#others.get(id) ?? -1;
	}
}
