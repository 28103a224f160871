/**
 * The three collections of the content contract (`../shared/CONTENT-MODEL.md`):
 * folders under `content/`, ids from file names, French error messages.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { settings } from './config';
import { entryIdFromPath } from './lib/ids';
import { previewLoader } from './lib/preview-loader';
import { meetingReportSchema, pressReleaseSchema, testimonialSchema, type SchemaHelpers } from './schemas/entries';

const loader = (collection: string) =>
	previewLoader(
		glob({
			pattern: ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'],
			base: new URL(`${collection}/`, settings.contentDir),
			generateId: ({ entry }) => entryIdFromPath(entry),
		}),
		settings.devServer,
	);

const helpers = (image: SchemaHelpers['image']): SchemaHelpers => ({
	image,
	rencontre: reference('rencontres'),
	timeZone: settings.timeZone,
});

export const collections = {
	communiques: defineCollection({
		loader: loader('communiques'),
		schema: ({ image }) => pressReleaseSchema(helpers(image)),
	}),
	rencontres: defineCollection({
		loader: loader('rencontres'),
		schema: ({ image }) => meetingReportSchema(helpers(image)),
	}),
	temoignages: defineCollection({
		loader: loader('temoignages'),
		schema: ({ image }) => testimonialSchema(helpers(image)),
	}),
};
