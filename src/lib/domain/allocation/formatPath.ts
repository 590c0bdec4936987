/** Writes a path the way a developer would type it: `["ledger","procedures",2,"fee"]` → `ledger.procedures[2].fee`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') text += `[${key}]`;
		else text += text === '' ? String(key) : `.${String(key)}`;
	}
	return text;
}
