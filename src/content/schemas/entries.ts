import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { attachmentSchema } from './attachment';
import { contactSchema } from './contact';
import { eventSchema } from './event';
import { contentDate, languageTag, list, optional, text, textOrNumber } from './fields';
import { figureSchema, speakerSchema } from './people';
import { photoSchema } from './photo';

/** What a collection schema needs from Astro: the image and reference helpers. */
export interface SchemaHelpers {
	/** Astro's `image()` (resolves a path relative to the entry). */
	image: () => z.ZodType<ImageMetadata>;
	/** Astro's `reference(collection)`: turns the id of an entry of `collection` into `{ id }`. */
	reference: (collection: string) => z.ZodType<{ id: string }>;
	/** The site's time zone, in which naive dates are read. */
	timeZone: string;
}

/** Fields every collection shares, first in the web editor. */
const commonFields = ({ image, timeZone }: SchemaHelpers) => ({
	/** Publication date; sorts lists and feeds. Required. Example: `2020-09-17` or `2020-09-17T10:00`. */
	date: contentDate(timeZone),
	/** Date of the last update, shown on the page. Default: none. Example: `2020-09-18`. */
	updated: optional(contentDate(timeZone)),
	/** Themes; each gets a page and a feed. Default: `[]`. Example: `[industrie, RSE]`. */
	tags: list(textOrNumber()).default([]),
	/** A draft is never published by a production build. Default: `false`. */
	draft: z.boolean({ message: 'true ou false est attendu' }).default(false),
	/**
	 * An entry dated in the future, under embargo: it stays scheduled like any other and no
	 * output shows it before its date (private previews are a later feature). Default: `false`.
	 */
	embargo: z.boolean({ message: 'true ou false est attendu' }).default(false),
	/** Cover image, `src` relative to the entry, `alt` required. Default: none. Example: `{ src: ./couverture.jpg, alt: "…" }`. */
	image: optional(
		z.object({
			/** Image file beside the entry. Required. */
			src: image(),
			/** Text alternative describing the image. Required. */
			alt: text(),
		}),
	),
});

/**
 * The language fields every collection shares, last in the web editor (few entries use them);
 * `collection` is the one being described, which a translation's original belongs to.
 */
const languageFields = ({ reference }: SchemaHelpers, collection: string) => ({
	/** Language of the entry, a BCP 47 tag. Default: none, read as the site's language (`fr`). Example: `en`. */
	lang: optional(languageTag()),
	/** Id of the entry of the same collection this one translates; a missing id fails the check. Default: none. Example: `2020-09-17-visite-territoires-d-industrie`. */
	translationOf: optional(reference(collection)),
});

/** `communiques`: press releases. */
export const pressReleaseSchema = (helpers: SchemaHelpers) =>
	z.object({
		...commonFields(helpers),
		/** Title. Required. Example: `"Visite du directeur du programme Territoires d’industrie"`. */
		title: text(),
		/** Standfirst (chapô). Required. */
		description: text(),
		/** The press office's reference. Default: none. Example: `"71.20 - PRESSE"`. */
		reference: optional(textOrNumber()),
		/** The event the release announces. Default: none. */
		event: optional(eventSchema(helpers.timeZone)),
		/** Press contacts. Default: `[]`. */
		contacts: list(contactSchema).default([]),
		/** Press-kit files. Default: `[]`. */
		attachments: list(attachmentSchema).default([]),
		/** Press photos beside the entry, each with its credit. Default: `[]`. */
		photos: list(photoSchema(helpers.image)).default([]),
		...languageFields(helpers, 'communiques'),
	});

/** `rencontres`: reports of meetings and events. */
export const meetingReportSchema = (helpers: SchemaHelpers) =>
	z.object({
		...commonFields(helpers),
		/** Title. Required. */
		title: text(),
		/** Standfirst. Required. */
		description: text(),
		/** When and where it took place. Required. */
		event: eventSchema(helpers.timeZone),
		/** Organising networks or bodies. Default: `[]`. Example: `["Leader Alès"]`. */
		organizers: list(text()).default([]),
		/** Speakers. Default: `[]`. */
		speakers: list(speakerSchema).default([]),
		/** Key figures. Default: `[]`. Example: `[{ value: 140, label: entreprises }]`. */
		figures: list(figureSchema).default([]),
		/** Press-kit files. Default: `[]`. */
		attachments: list(attachmentSchema).default([]),
		/** Press photos beside the entry, each with its credit. Default: `[]`. */
		photos: list(photoSchema(helpers.image)).default([]),
		...languageFields(helpers, 'rencontres'),
	});

/** `temoignages`: testimonials of company leaders. */
export const testimonialSchema = (helpers: SchemaHelpers) =>
	z.object({
		...commonFields(helpers),
		/** Who speaks; the page's heading. Required. Example: `"Pierre Bonnefoy"`. */
		name: text(),
		/** Role. Default: none. Example: `"Dirigeant"`. */
		role: optional(text()),
		/** Organisation. Default: none. Example: `"Magne Distribution"`. */
		organisation: optional(text()),
		/** Id of the `rencontres` entry it belongs to. Default: none. Example: `2020-02-15-rencontre-des-reseaux`. */
		rencontre: optional(helpers.reference('rencontres')),
		/** Title; derived from name and organisation when absent. */
		title: optional(text()),
		/** Description; derived from the body when absent. */
		description: optional(text()),
		...languageFields(helpers, 'temoignages'),
	});

/** `retombees`: press coverage, articles and programmes about the releases. */
export const coverageSchema = (helpers: SchemaHelpers) =>
	z.object({
		...commonFields(helpers),
		/** Headline of the article or programme. Required. Example: `"Territoires d’industrie : le directeur du programme à Alès"`. */
		title: text(),
		/** Publication, station or site. Required. Example: `"Midi Libre"`. */
		media: text(),
		/** Where to read or hear it: an `http(s)` address. Default: none (a print article). Example: `https://www.midilibre.fr/…`. */
		url: optional(
			z.url({
				protocol: /^https?$/,
				message: 'adresse web invalide : écrivez l’adresse complète de l’article, commençant par https://',
			}),
		),
		/** Id of the `communiques` entry it covers. Default: none. Example: `2020-09-17-visite-territoires-d-industrie`. */
		communique: optional(helpers.reference('communiques')),
		...languageFields(helpers, 'retombees'),
	});
