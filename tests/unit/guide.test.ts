/**
 * The authoring guide documents every field of every collection: walks the
 * real zod schemas and checks each field path (`event.place`,
 * `contacts.email`, `figures.value`) appears in backticks in
 * docs/guide-redaction.md, so a new field cannot ship undocumented.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { meetingReportSchema, pressReleaseSchema, testimonialSchema, type SchemaHelpers } from '../../src/schemas/entries';

const helpers = { image: () => z.string(), rencontre: z.string(), timeZone: 'Europe/Paris' } as unknown as SchemaHelpers;

/** The bits of a zod 4 schema definition the walk reads. */
interface DefLike {
	type: string;
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	element?: z.ZodType;
	options?: z.ZodType[];
}

/**
 * Field paths of a schema, objects flattened with dots; lists of objects
 * contribute their item fields (`contacts.email`). Looks through optional,
 * default, pipe (preprocess/transform), array and union wrappers.
 */
function fieldPaths(schema: z.ZodType, prefix = '', seen = new Set<string>()): Set<string> {
	const def = (schema as unknown as { def: DefLike }).def;
	switch (def.type) {
		case 'object':
			for (const [key, child] of Object.entries((schema as z.ZodObject).shape)) {
				const name = `${prefix}${key}`;
				seen.add(name);
				fieldPaths(child as z.ZodType, `${name}.`, seen);
			}
			break;
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'readonly':
		case 'catch':
			if (def.innerType) fieldPaths(def.innerType, prefix, seen);
			break;
		case 'pipe':
			if (def.in) fieldPaths(def.in, prefix, seen);
			if (def.out) fieldPaths(def.out, prefix, seen);
			break;
		case 'array':
			if (def.element) fieldPaths(def.element, prefix, seen);
			break;
		case 'union':
			for (const option of def.options ?? []) fieldPaths(option, prefix, seen);
			break;
		default:
			break;
	}
	return seen;
}

const guide = readFileSync(new URL('../../docs/guide-redaction.md', import.meta.url), 'utf8');
/** Every `code span` of the guide. */
const codeSpans = new Set([...guide.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]?.trim()));

const collections = {
	communiques: pressReleaseSchema(helpers),
	rencontres: meetingReportSchema(helpers),
	temoignages: testimonialSchema(helpers),
};

describe('docs/guide-redaction.md', () => {
	it('the walk finds nested fields (sanity check)', () => {
		const paths = fieldPaths(collections.rencontres);
		for (const expected of ['date', 'updated', 'image.alt', 'event.place', 'event.address', 'speakers.organisation', 'figures.value']) {
			expect(paths).toContain(expected);
		}
		expect(fieldPaths(collections.communiques)).toContain('contacts.email');
		expect(fieldPaths(collections.communiques)).toContain('attachments.file');
	});

	for (const [collection, schema] of Object.entries(collections)) {
		it(`documents every field of « ${collection} » in backticks`, () => {
			const missing = [...fieldPaths(schema)].filter((field) => !codeSpans.has(field));
			expect(missing, `champs absents du guide : ${missing.join(', ')}`).toEqual([]);
		});
	}

	it('names the collections, the commands and the MDX components', () => {
		for (const expected of ['communiques', 'rencontres', 'temoignages', 'npm run new', 'npm run dev', 'npm run check', 'draft: true']) {
			expect(guide).toContain(expected);
		}
		for (const component of ['<Citation', '<ChiffresCles', '<Encadre']) expect(guide).toContain(component);
		expect(guide).toMatch(/^## Messages d’erreur/m);
	});
});
