/** Writes a zod issue path the way people read it: `payments[3].method.checkNumber`. */
export function issuePath(path: readonly PropertyKey[], prefix = ''): string {
	let out = prefix;
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out === '' ? '(root)' : out;
}
