import { z } from 'astro/zod';
import { contactSchema } from '../content/schemas/contact';

/** A link in the site footer; `href` is site-relative (base-aware) or absolute. */
const footerLinkSchema = z.object({
	/** Visible label. Example: `"Mentions légales"`. */
	label: z.string().min(1),
	/** Site-relative path (`"mentions-legales/"`) or absolute URL. */
	href: z.string().min(1),
});

/** Everything a site owner configures in `relais.config.ts`. */
export const settingsSchema = z.object({
	/** Site name, in the header, titles, feeds and cards. Example: `"Relais"`. */
	name: z.string().min(1),
	/** Short line under the name. Default: `""`. */
	tagline: z.string().default(''),
	/** Site description for the home page, feeds and search engines. */
	description: z.string().min(1),
	/**
	 * BCP 47 locale of the pages (`<html lang>` is its language), dates, numbers and feeds: French,
	 * since every text of the interface is (`src/text/i18n.ts`). Default: `"fr-FR"`.
	 * Example: `"fr-BE"`.
	 */
	locale: z
		.string()
		.default('fr-FR')
		.refine(isFrenchLocale, { message: 'locale BCP 47 française attendue (exemple : « fr-FR », « fr-BE », « fr-CH »)' })
		.transform((value) => Intl.getCanonicalLocales(value)[0] ?? value),
	/** IANA time zone in which naive dates are read and shown. Default: `"Europe/Paris"`. */
	timeZone: z.string().default('Europe/Paris').refine(isTimeZone, { message: 'fuseau horaire IANA inconnu (exemple : « Europe/Paris »)' }),
	/** Number of entries per list page. Default: `10`. */
	pageSize: z.number().int().min(1).max(100).default(10),
	/** The feeds (RSS, Atom, JSON Feed): everything, each collection, each theme. */
	feeds: z
		.object({
			/**
			 * How many of the newest entries each feed carries, in full. Default: `30`: at a
			 * local authority's pace of 100–300 entries a year, one to three months of news;
			 * more than WordPress (10) or Docusaurus (20), so a reader who checks weekly misses
			 * nothing, and 30 entries of typical length stay far under a megabyte. Whatever the
			 * limit, a feed file never exceeds 1 MB: the oldest entries are dropped to fit.
			 * Example: `50`.
			 */
			limit: z.number().int().min(1).max(200).default(30),
		})
		.prefault({}),
	/** How `npm run check`, the build and the dev server treat content. */
	content: z
		.object({
			/**
			 * A field no collection knows (`descripton:`, `ville:`, a field of a newer contract
			 * version), or an entry in a folder no collection reads: its value is not published.
			 * `'warn'` reports it and publishes the rest; `'error'` stops the build until it is
			 * renamed or removed. Default: `'warn'`. Example: `'error'`.
			 */
			unknownFields: z.enum(['warn', 'error'], { message: 'valeur attendue : « warn » ou « error »' }).default('warn'),
		})
		.prefault({}),
	/** WebSub (https://www.w3.org/TR/websub/): hubs that push the feeds' updates to subscribed readers. */
	websub: z
		.object({
			/**
			 * Hub URLs every feed announces (`rel="hub"`); after a deploy, `scripts/websub-notify.mjs`
			 * tells them which feeds changed (docs/feeds.md). Default: `[]` (no hub).
			 * Example: `['https://pubsubhubbub.appspot.com/']`.
			 */
			hubs: z
				.array(z.url({ protocol: /^https?$/, message: 'adresse de hub invalide (exemple : « https://pubsubhubbub.appspot.com/ »)' }))
				.default([]),
		})
		.prefault({}),
	/** Press photos of the entries (`photos:` in their frontmatter). */
	photos: z
		.object({
			/**
			 * Terms of use of every photo that states none (`licence:` of a photo), shown with its
			 * credit, written into the web-size JPEG's metadata and the press kit's LISEZ-MOI.txt,
			 * and given to search engines (schema.org `license` when `url` is set).
			 * Default: `{ name: "Utilisation libre pour illustrer un article sur le sujet, avec mention du crédit" }`.
			 * Example: `{ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.fr" }`.
			 */
			licence: z
				.object({
					/** The terms, as a reader sees them. Example: `"CC BY 4.0"`. */
					name: z.string().trim().min(1).default('Utilisation libre pour illustrer un article sur le sujet, avec mention du crédit'),
					/** Page stating the terms in full. Default: none. Example: `"https://creativecommons.org/licenses/by/4.0/deed.fr"`. */
					url: z
						.url({
							protocol: /^https?$/,
							message: 'adresse de licence invalide (exemple : « https://creativecommons.org/licenses/by/4.0/deed.fr »)',
						})
						.optional(),
				})
				.prefault({}),
		})
		.prefault({}),
	/** The press office: shown on press releases and on the press page. */
	pressOffice: z
		.object({
			/** Name of the press office. Default: `"Service de presse"`. */
			name: z.string().min(1).default('Service de presse'),
			/** Short paragraph presenting the organisation (boilerplate). Default: `""`. */
			boilerplate: z.string().default(''),
			/** Press contacts. Default: `[]`. */
			contacts: z.array(contactSchema).default([]),
		})
		.prefault({}),
	/** Extra footer links. Default: `[]`. */
	footerLinks: z.array(footerLinkSchema).default([]),
	/** RGAA conformity level shown in the footer. Default: `"non conforme"`. */
	accessibility: z.enum(['non conforme', 'partiellement conforme', 'totalement conforme']).default('non conforme'),
	/** The accessibility statement (« déclaration d’accessibilité »). */
	accessibilityStatement: z
		.object({
			/** Date of the statement, `YYYY-MM-DD`. Default: `"2026-11-25"`. */
			date: z
				.string()
				.regex(/^\d{4}-\d{2}-\d{2}$/)
				.default('2026-11-25'),
			/** Share of RGAA criteria met, when an audit was made. Default: none. Example: `87`. */
			rate: z.number().min(0).max(100).optional(),
			/** Who audited. Default: `"auto-évaluation"`. */
			auditor: z.string().default('auto-évaluation'),
			/** Contact for accessibility problems (e-mail). Default: the e-mail of the first press contact who has one. */
			contact: z.email().optional(),
		})
		.prefault({}),
	/** What the « Mentions légales » page says about the publisher and the host. */
	legal: z
		.object({
			/** Publisher (éditeur). Default: the site name. Example: `"Alès Agglomération"`. */
			publisher: z.string().optional(),
			/** Publisher's postal address. Default: none. */
			address: z.string().optional(),
			/** Director of publication. Default: none. Example: `"Christophe Rivenq"`. */
			director: z.string().optional(),
			/** Hosting provider, name and address. Default: none. */
			host: z.string().optional(),
		})
		.prefault({}),
});

/** What `relais.config.ts` may contain (defaults optional). */
export type SettingsInput = z.input<typeof settingsSchema>;
/** Validated settings. */
export type SiteSettings = z.output<typeof settingsSchema>;

function isFrenchLocale(value: string): boolean {
	try {
		return new Intl.Locale(value).language === 'fr';
	} catch {
		return false;
	}
}

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('fr-FR', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
