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

/** Reads one value after another from the UTF-8 bytes of a serialised string; throws `Malformed`. */
class PhpReader {
	private position = 0;

	constructor(private readonly bytes: Buffer) {}

	/** Whether only whitespace is left: what an export's pretty-printing may add after the value. */
	atEnd(): boolean {
		return this.bytes.toString('latin1', this.position).trim() === '';
	}

	value(depth: number): PhpValue {
		const type = this.bytes.toString('latin1', this.position, this.position + 2);
		this.position += 2;
		switch (type) {
			case 'N;':
				return null;
			case 'b:':
				return this.boolean();
			case 'i:':
				return this.integer(this.until(';'));
			case 'd:':
				return this.float();
			case 's:':
				return this.string();
			case 'a:':
				return this.array(depth);
			default:
				throw new Malformed();
		}
	}

	private expect(text: string): void {
		if (this.bytes.toString('latin1', this.position, this.position + text.length) !== text) throw new Malformed();
		this.position += text.length;
	}

	/** The ASCII text up to `end` (excluded), after which reading resumes. */
	private until(end: string): string {
		const index = this.bytes.indexOf(end, this.position, 'latin1');
		if (index < 0) throw new Malformed();
		const text = this.bytes.toString('latin1', this.position, index);
		this.position = index + end.length;
		return text;
	}

	private integer(text: string): number {
		if (!/^[+-]?\d+$/.test(text)) throw new Malformed();
		return Number(text);
	}

	private boolean(): boolean {
		const flag = this.until(';');
		if (flag !== '0' && flag !== '1') throw new Malformed();
		return flag === '1';
	}

	private float(): number {
		const text = this.until(';');
		const number = Number(text);
		if (text === '' || Number.isNaN(number)) throw new Malformed();
		return number;
	}

	private string(): string {
		const length = this.integer(this.until(':'));
		this.expect('"');
		if (length < 0 || this.position + length > this.bytes.length) throw new Malformed();
		// `fatal`: a length that cuts a character in two means the value was mangled (a charset conversion).
		const text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.position, this.position + length));
		this.position += length;
		this.expect('";');
		return text;
	}

	private array(depth: number): Map<string | number, PhpValue> {
		if (depth >= MAX_DEPTH) throw new Malformed();
		const count = this.integer(this.until(':'));
		this.expect('{');
		const array = new Map<string | number, PhpValue>();
		for (let index = 0; index < count; index += 1) {
			const key = this.value(depth + 1);
			if (typeof key !== 'string' && typeof key !== 'number') throw new Malformed();
			array.set(key, this.value(depth + 1));
		}
		this.expect('}');
		return array;
	}
}

/** The value serialised in `source`, or `undefined` when it is not one whole, valid PHP value. */
export function unserializePhp(source: string): PhpValue | undefined {
	const reader = new PhpReader(Buffer.from(source, 'utf8'));
	try {
		const result = reader.value(0);
		return reader.atEnd() ? result : undefined;
	} catch (error) {
		if (error instanceof Malformed || error instanceof TypeError) return undefined;
		throw error;
	}
}
