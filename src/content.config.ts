/**
 * The collections of the content registry (`src/content/collections.ts`, after
 * `docs/content-model.md`): folders under `content/`, ids from file names,
 * French error messages.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { devServer } from 'virtual:relais/dev-server';
import { settings } from './settings/settings';
import { entryIdFromPath } from './content/ids';
import { previewLoader } from './content/preview-loader';
import { COLLECTION_REGISTRY, COLLECTIONS, type CollectionName } from './content/collections';
import type { SchemaHelpers } from './content/schemas/entries';

const loader = (collection: string) =>
	previewLoader(
		glob({
			pattern: ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'],
			base: new URL(`${collection}/`, settings.contentDir),
			generateId: ({ entry }) => entryIdFromPath(entry),
		}),
		devServer,
	);

const helpers = (image: SchemaHelpers['image']): SchemaHelpers => ({
	image,
	reference: (collection) => reference(collection as CollectionName),
	timeZone: settings.timeZone,
});

/** A collection's config with its registry schema, so that pages see its entries' `data` type. */
type Config<Name extends CollectionName> =
	ReturnType<(typeof COLLECTION_REGISTRY)[Name]['schema']> extends infer Schema extends z.ZodType
		? ReturnType<typeof defineCollection<Schema>>
		: never;

export const collections = Object.fromEntries(
	COLLECTIONS.map((name) => [
		name,
		defineCollection({ loader: loader(name), schema: ({ image }) => COLLECTION_REGISTRY[name].schema(helpers(image)) }),
	]),
) as { [Name in CollectionName]: Config<Name> };
