/**
 * The language of an entry (`lang`, docs/content-model.md « Languages »): the
 * check of a BCP 47 tag, with a suggestion for what authors write instead, and
 * dates written in a language other than French. Pure: no Astro, no settings.
 */
import type { ContentDate } from '../text/dates';

/**
 * The canonical form of a BCP 47 language tag (`EN-gb` → `en-GB`), or `undefined`
 * when it is not one. The primary subtag must be an ISO 639 code (2 or 3 letters):
 * BCP 47 reserves longer ones, so `english` would pass `Intl` alone.
 */
export function canonicalLanguageTag(value: string): string | undefined {
	if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(value)) return undefined;
	try {
		return Intl.getCanonicalLocales(value)[0];
	} catch {
		return undefined;
	}
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
let codesByName: Map<string, string> | undefined;

/** Two-letter codes by their French and English names (`anglais`, `english` → `en`), built on first use. */
function languageNames(): Map<string, string> {
	if (codesByName) return codesByName;
	codesByName = new Map();
	const namers = ['fr', 'en'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
	for (const first of LETTERS) {
		for (const second of LETTERS) {
			const code = `${first}${second}`;
			for (const namer of namers) {
				const name = namer.of(code);
				if (name && !codesByName.has(name.toLowerCase())) codesByName.set(name.toLowerCase(), code);
			}
		}
	}
	return codesByName;
}

/** The French error for a value that is not a language tag, with the tag it probably means (`anglais`, `en_GB`). */
export function languageTagMessage(value: string): string {
	const suggestion = canonicalLanguageTag(value.replace(/_/g, '-')) ?? languageNames().get(value.trim().toLowerCase());
	return suggestion
		? `langue invalide « ${value} » : écrivez le code de la langue, « ${suggestion} ».`
		: `langue invalide « ${value} » : écrivez le code de la langue (BCP 47), par exemple « en » (anglais), « es » (espagnol) ou « en-GB » (anglais britannique).`;
}

/** Whether two tags name the same language (`fr` and `fr-BE` do). */
export const sameLanguage = (a: string, b: string): boolean => new Intl.Locale(a).language === new Intl.Locale(b).language;

/**
 * A content date in a language other than French, as `Intl` writes it
 * (« September 21, 2020 », « September 21, 2020 at 12:15 PM »): the French
 * forms (« 1er », « 12 h 15 ») are the site's own (src/text/dates.ts).
 */
export function formatDateIn(date: ContentDate, timeZone: string, lang: string): string {
	return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'long', ...(date.hasTime && { timeStyle: 'short' }) }).format(date.instant);
}
