import { z } from 'astro/zod';
import { parseContentDate, suggestContentDate } from '../../text/dates';
import { canonicalLanguageTag, languageTagMessage } from '../languages';

const DATE_FORMAT = 'AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM avec une heure, par exemple 2020-09-21T12:15';

/** A non-empty line of text; the error says the field is required or must be text. */
export const text = () => z.string().trim().min(1);

/**
 * A contract date: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` read in `timeZone`
 * unless it carries an offset. Output: `{ instant, hasTime }`. Tagged
 * `{ widget: 'datetime' }` (zod metadata) for the web editor's config.
 */
export const contentDate = (timeZone: string) =>
	z
		.unknown()
		.transform((value, ctx) => {
			if (value === undefined || value === null || value === '') {
				ctx.addIssue({ code: 'custom', message: `champ obligatoire manquant (format attendu : ${DATE_FORMAT})` });
				return z.NEVER;
			}
			const parsed = parseContentDate(value, timeZone);
			if (!parsed) {
				const suggestion = typeof value === 'string' ? suggestContentDate(value) : undefined;
				ctx.addIssue({
					code: 'custom',
					message: suggestion
						? `date invalide « ${value} » : écrivez ${suggestion} (format attendu : ${DATE_FORMAT})`
						: `date invalide « ${String(value)} » (format attendu : ${DATE_FORMAT})`,
				});
				return z.NEVER;
			}
			return parsed;
		})
		// Marker read by the web editor's config generator (src/editor/sveltia-config.ts): the type of a transform says nothing.
		.meta({ widget: 'datetime' });

/** Text that YAML may have read as a number (`reference: 71.20`, `phone: 0466000000`, `tags: [2020]`). */
export const textOrNumber = () => z.union([text(), z.number().transform(String)]);

/**
 * An optional field where an empty value counts as absent: `role:` left blank
 * in a template (YAML null) or `''` saved by the web editor.
 */
export const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** A list that also accepts a single value or nothing (`tags: industrie`). */
export const list = <T extends z.ZodType>(item: T) =>
	z.preprocess((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/**
 * A BCP 47 language tag (`en`, `es`, `en-GB`), written back in its canonical
 * form (`EN-gb` → `en-GB`); anything else is refused with the tag it probably
 * means (`anglais` → `en`).
 */
export const languageTag = () =>
	z
		.string()
		.trim()
		.transform((value, ctx) => {
			const tag = canonicalLanguageTag(value);
			if (!tag) ctx.addIssue({ code: 'custom', message: languageTagMessage(value) });
			return tag ?? z.NEVER;
		});
