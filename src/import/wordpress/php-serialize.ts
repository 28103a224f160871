/**
 * A reader of PHP's `serialize()` format, for the postmeta WordPress stores that
 * way (`_wp_attachment_metadata`). Only values: strings, integers, floats,
 * booleans, null and arrays. Objects (`O:`, `C:`) and references (`r:`, `R:`)
 * are refused, never instantiated; a malformed value gives `undefined`, never
 * an exception. String lengths are in bytes of UTF-8, as PHP counts them.
 */

/** A PHP value: an array becomes a `Map` (keys are ints or strings, in PHP's order). */
export type PhpValue = string | number | boolean | null | Map<string | number, PhpValue>;

/** Arrays nested deeper than this are refused (a WordPress attachment's metadata is 3 deep). */
const MAX_DEPTH = 16;

class Malformed extends Error {}

/** The value serialised in `source`, or `undefined` when it is not one whole, valid PHP value. */
export function unserializePhp(source: string): PhpValue | undefined {
	const bytes = Buffer.from(source, 'utf8');
	let position = 0;

	const expect = (text: string) => {
		if (bytes.toString('latin1', position, position + text.length) !== text) throw new Malformed();
		position += text.length;
	};
	/** The ASCII text up to `end` (excluded), after which reading resumes. */
	const until = (end: string): string => {
		const index = bytes.indexOf(end, position, 'latin1');
		if (index < 0) throw new Malformed();
		const text = bytes.toString('latin1', position, index);
		position = index + end.length;
		return text;
	};
	const integer = (text: string): number => {
		if (!/^[+-]?\d+$/.test(text)) throw new Malformed();
		return Number(text);
	};

	const value = (depth: number): PhpValue => {
		const type = bytes.toString('latin1', position, position + 2);
		position += 2;
		switch (type) {
			case 'N;':
				return null;
			case 'b:': {
				const flag = until(';');
				if (flag !== '0' && flag !== '1') throw new Malformed();
				return flag === '1';
			}
			case 'i:':
				return integer(until(';'));
			case 'd:': {
				const text = until(';');
				const number = Number(text);
				if (text === '' || Number.isNaN(number)) throw new Malformed();
				return number;
			}
			case 's:': {
				const length = integer(until(':'));
				expect('"');
				if (length < 0 || position + length > bytes.length) throw new Malformed();
				// `fatal`: a length that cuts a character in two means the value was mangled (a charset conversion).
				const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(position, position + length));
				position += length;
				expect('";');
				return text;
			}
			case 'a:': {
				if (depth >= MAX_DEPTH) throw new Malformed();
				const count = integer(until(':'));
				expect('{');
				const array = new Map<string | number, PhpValue>();
				for (let index = 0; index < count; index += 1) {
					const key = value(depth + 1);
					if (typeof key !== 'string' && typeof key !== 'number') throw new Malformed();
					array.set(key, value(depth + 1));
				}
				expect('}');
				return array;
			}
			default:
				throw new Malformed();
		}
	};

	try {
		const result = value(0);
		// Trailing whitespace is what an export's pretty-printing may add; anything else is not one value.
		return bytes.toString('latin1', position).trim() === '' ? result : undefined;
	} catch (error) {
		if (error instanceof Malformed || error instanceof TypeError) return undefined;
		throw error;
	}
}
