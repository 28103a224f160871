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
import { fieldPaths as walkFieldPaths } from '../helpers/schema-paths';

const helpers = { image: () => z.string(), rencontre: z.string(), timeZone: 'Europe/Paris' } as unknown as SchemaHelpers;

/** Field paths of a schema (`event.place`, `contacts.email`). */
const fieldPaths = (schema: z.ZodType) => new Set(walkFieldPaths(schema).keys());

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
