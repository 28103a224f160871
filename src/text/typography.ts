/**
 * French typography for rendered text: the non-breaking spaces, apostrophes
 * and digit grouping that a communications officer should not have to type.
 *
 * Hand-written rather than built on `typograf` (v7.8): that library has no
 * French punctuation rules (its `fr` locale only sets the quote characters),
 * its default common rules *remove* the space before `? ! ; :` (the English
 * convention) and trim or collapse whitespace at the edges of the input,
 * which glues words together when it runs on single text nodes of an HTML
 * tree (`Voir ` + `<strong>…</strong>` → `Voir<strong>…`). Its digit grouping
 * also splits postal codes and standard numbers (`ISO 26000`). The rules
 * below are few, each tested, and idempotent by construction: every rule's
 * output no longer matches its own pattern.
 */

/** U+202F NARROW NO-BREAK SPACE: before `; ! ?`, between digit groups. */
export const NNBSP = '\u202f';
/** U+00A0 NO-BREAK SPACE: before `:` and inside « ». */
export const NBSP = '\u00a0';

/** Horizontal spaces an author may have typed (or an earlier pass inserted). */
const SPACES = '[ \\t\\u00a0\\u2009\\u202f]';

/**
 * URLs, `www.` addresses and e-mail addresses. They are copied verbatim: a
 * `?` or `:` inside a URL is syntax, not French punctuation. Trailing
 * sentence punctuation is left outside the match, as linkifiers do.
 */
const PROTECTED =
	/(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)[^\s<>«»"]*[^\s<>«»".,;:!?)']|[^\s<>«»"'()@:,;]+@[^\s<>«»"'()@]+\.[^\s<>«»"'()@.,;:!?]+/giu;

/** Whether a whole string (e.g. a link's text) is a URL or an e-mail address. */
export function looksLikeUrlOrEmail(text: string): boolean {
	const trimmed = text.trim();
	if (!trimmed) return false;
	PROTECTED.lastIndex = 0;
	const match = PROTECTED.exec(trimmed);
	return match !== null && match.index === 0 && match[0].length === trimmed.length;
}

/** Straight apostrophe between two letters (`l'industrie`, `aujourd'hui`). */
const APOSTROPHE = /(?<=\p{L})'(?=\p{L})/gu;

/** Typed spaces before `; ! ?` (one group, `?!` counts once). */
const SPACE_BEFORE_HIGH = new RegExp(`${SPACES}+(?=[;!?])`, 'gu');
/** `; ! ?` glued to a word and ending it: the space was forgotten. */
const MISSING_BEFORE_HIGH = /(?<=[\p{L}\p{N}»)\]’])(?=[;!?]+(?:\s|$|[»)\].,’"]))/gu;
/** Typed spaces before `:`. */
const SPACE_BEFORE_COLON = new RegExp(`${SPACES}+(?=:)`, 'gu');
/** `:` glued to a word and followed by a space or the end (never `12:15`). */
const MISSING_BEFORE_COLON = /(?<=[\p{L}\p{N}»)\]’])(?=:(?:\s|$))/gu;
/** After « and before », whatever space was typed (or none). */
const AFTER_OPENING_QUOTE = new RegExp(`«${SPACES}*`, 'gu');
const BEFORE_CLOSING_QUOTE = new RegExp(`${SPACES}*»`, 'gu');

/**
 * A plain integer of 5 to 9 digits (≥ 10000, so years stay as they are),
 * optionally with a decimal comma. Not when glued to letters, digits, a dot
 * (`71.20`, `1.234567`), a slash, a hyphen or `#`/`@`/`_`: those are
 * references, dates, codes or identifiers. 10+ digits are phone numbers or
 * SIRET and are left alone, as are numbers with a leading zero (phones).
 */
const LARGE_NUMBER = /(?<![\p{L}\p{N}.,/\\_#@&=-])([1-9]\d{4,8})(?=(,\d+)?(?![\p{L}\p{N}_]|[.,/-]\p{N}))/gu;
/** `30100 Alès`: a 5-digit number followed by a capitalised word is a postal code. */
const POSTAL_CODE_AFTER = new RegExp(`^${SPACES}+\\p{Lu}`, 'u');
/** `ISO 26000`, `BP 12345`: a number right after an acronym is an identifier. */
const ACRONYM_BEFORE = new RegExp(`(?:^|[^\\p{L}])\\p{Lu}{2,}${SPACES}+$`, 'u');

function groupDigits(text: string): string {
	return text.replace(LARGE_NUMBER, (digits: string, _group: string, _decimals: string, offset: number) => {
		const after = text.slice(offset + digits.length);
		if (digits.length === 5 && POSTAL_CODE_AFTER.test(after)) return digits;
		if (ACRONYM_BEFORE.test(text.slice(Math.max(0, offset - 20), offset))) return digits;
		return digits.replace(/\B(?=(\d{3})+$)/g, NNBSP);
	});
}

/** Applies the rules to a stretch of text that holds no URL or e-mail. */
function typesetPlain(text: string): string {
	return groupDigits(
		text
			.replace(APOSTROPHE, '’')
			// Straight quotes typed in a title, and the English quotes Markdown's smart
			// punctuation makes of them in bodies, become French « … ».
			.replace(/"([^"\n]+)"/g, '« $1 »')
			.replace(/“\s*/g, '« ')
			.replace(/\s*”/g, ' »')
			.replace(AFTER_OPENING_QUOTE, `«${NBSP}`)
			.replace(BEFORE_CLOSING_QUOTE, `${NBSP}»`)
			.replace(SPACE_BEFORE_HIGH, NNBSP)
			.replace(MISSING_BEFORE_HIGH, NNBSP)
			.replace(SPACE_BEFORE_COLON, NBSP)
			.replace(MISSING_BEFORE_COLON, NBSP),
	);
}

/**
 * French typography for a piece of running text:
 * - U+202F (narrow no-break space) before `;`, `!`, `?` (replacing a typed
 *   space, or added when the author glued the sign to the word);
 * - U+00A0 (no-break space) before `:` (not in `12:15`) and inside « »;
 * - `’` instead of `'` between two letters; « » instead of “ ” and of paired "…";
 * - U+202F as thousands separator in plain numbers ≥ 10 000
 *   (`15000` → `15 000`); years, postal codes, references such as `71.20`,
 *   `ISO 26000`, phone numbers and identifiers stay as they are.
 *
 * URLs and e-mail addresses are copied untouched. Pure and idempotent:
 * `frenchTypography(frenchTypography(x)) === frenchTypography(x)`.
 */
export function frenchTypography(text: string): string {
	if (!text) return text;
	let result = '';
	let last = 0;
	PROTECTED.lastIndex = 0;
	for (const match of text.matchAll(PROTECTED)) {
		result += typesetPlain(text.slice(last, match.index)) + match[0];
		last = match.index + match[0].length;
	}
	return result + typesetPlain(text.slice(last));
}
