const MAX_TEXT = 60;

/**
 * Shows a bad value in an error message (`"yesterday"`, `12.5`, `missing`). Never throws, whatever
 * it is given: `JSON.stringify` would throw on a bigint, and the message must still be written.
 */
export function describeValue(value: unknown): string {
	switch (typeof value) {
		case 'undefined':
			return 'missing';
		case 'string': {
			const shown = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
			return JSON.stringify(shown);
		}
		case 'number':
		case 'boolean':
			return String(value);
		case 'bigint':
			return `${value}n`;
		case 'symbol':
			return 'a symbol';
		case 'function':
			return 'a function';
		case 'object':
			if (value === null) return 'null';
			return Array.isArray(value) ? `a list of ${value.length}` : 'an object';
	}
}
