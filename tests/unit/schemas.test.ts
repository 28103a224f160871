/** The collection schemas accept the contract's content and reject mistakes with French messages naming the field. */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { formatIssues, frenchErrorMap } from '../../src/text/error-map';
import { meetingReportSchema, pressReleaseSchema, testimonialSchema, type SchemaHelpers } from '../../src/content/schemas/entries';
import { settingsSchema } from '../../src/settings/schema';

const helpers: SchemaHelpers = {
	image: () => z.string() as never,
	reference: () => z.string().transform((id) => ({ id })),
	timeZone: 'Europe/Paris',
};
/** Parses as the content check and the settings do: with the French error map. */
const frenchParse = (schema: z.ZodType, input: unknown) => schema.safeParse(input, { error: frenchErrorMap });
const errorsOf = (result: { success: boolean; error?: { issues: Parameters<typeof formatIssues>[0] } }) =>
	result.success ? '' : formatIssues(result.error?.issues ?? []);

describe('communiques', () => {
	it('accepts a full press release and applies defaults', () => {
		const result = pressReleaseSchema(helpers).parse({
			title: 'Visite',
			description: 'Chapô',
			date: '2020-09-17',
			reference: '71.20 - PRESSE',
			event: { start: '2020-09-21T12:15', place: 'Pôle Mécanique', city: 'Alès' },
			contacts: [{ name: 'Service de presse', email: 'presse@ales.example', phone: '04 66 00 00 00' }],
			attachments: [{ file: './programme.pdf', title: 'Programme' }],
			image: { src: './couverture.jpg', alt: 'Vue du pôle' },
		});
		expect(result.tags).toEqual([]);
		expect(result.draft).toBe(false);
		expect(result.event?.start.hasTime).toBe(true);
	});

	it('accepts a minimal one, a single tag and unknown optional fields', () => {
		const result = pressReleaseSchema(helpers).parse({
			title: 'T',
			description: 'D',
			date: new Date(Date.UTC(2020, 0, 1)),
			tags: 'industrie',
			extra: 1,
		});
		expect(result.tags).toEqual(['industrie']);
	});

	it('names missing and malformed fields', () => {
		const messages = errorsOf(
			frenchParse(pressReleaseSchema(helpers), { description: 'D', date: '17/09/2020', contacts: [{ email: 'x' }] }),
		);
		expect(messages).toContain('le champ « title » : champ obligatoire manquant (attendu : un texte)');
		expect(messages).toContain('le champ « date » : date invalide « 17/09/2020 » : écrivez 2020-09-17 (format attendu : AAAA-MM-JJ');
		expect(messages).toContain('le champ « contacts[0].name » : champ obligatoire manquant');
		expect(messages).toContain('le champ « contacts[0].email » : adresse e-mail invalide');
	});

	it('refuses attachments outside the entry folder and an image without alt', () => {
		const messages = errorsOf(
			frenchParse(pressReleaseSchema(helpers), {
				title: 'T',
				description: 'D',
				date: '2020-01-01',
				attachments: [{ file: '../../secret.pdf', title: 'x' }],
				image: { src: './a.jpg' },
			}),
		);
		expect(messages).toContain('le champ « attachments[0].file » : le fichier doit être à côté de l’entrée');
		expect(messages).toContain('le champ « image.alt » : champ obligatoire manquant');
	});
});

describe('rencontres', () => {
	it('requires an event with place and city', () => {
		const messages = errorsOf(frenchParse(meetingReportSchema(helpers), { title: 'T', description: 'D', date: '2020-02-17' }));
		expect(messages).toContain('le champ « event » : champ obligatoire manquant (attendu : un groupe de champs)');
		const partial = errorsOf(
			frenchParse(meetingReportSchema(helpers), { title: 'T', description: 'D', date: '2020-02-17', event: { start: '2020-02-15' } }),
		);
		expect(partial).toContain('le champ « event.place » : champ obligatoire manquant');
		expect(partial).toContain('le champ « event.city » : champ obligatoire manquant');
	});

	it('checks figures are numbers', () => {
		const messages = errorsOf(
			frenchParse(meetingReportSchema(helpers), {
				title: 'T',
				description: 'D',
				date: '2020-02-17',
				event: { start: '2020-02-15T18:00', end: '2020-02-15T17:00', place: 'P', city: 'Alès' },
				figures: [{ value: 'cent quarante', label: 'entreprises' }],
			}),
		);
		expect(messages).toContain('le champ « figures[0].value » : un nombre est attendu (exemple : 140)');
	});
});

describe('temoignages', () => {
	it('needs only a name and a date', () => {
		expect(testimonialSchema(helpers).parse({ name: 'Pierre Bonnefoy', date: '2021-06-30' }).name).toBe('Pierre Bonnefoy');
		expect(errorsOf(frenchParse(testimonialSchema(helpers), { date: '2021-06-30', draft: 'oui' }))).toContain(
			'le champ « draft » : true ou false est attendu',
		);
	});
});

describe('empty optional fields', () => {
	it('count as absent (a blank template line, or a field cleared in the web editor)', () => {
		const result = testimonialSchema(helpers).parse({
			name: 'N',
			date: '2021-06-30',
			role: null,
			organisation: '',
			image: null,
			rencontre: '',
		});
		expect(result.role).toBeUndefined();
		expect(result.organisation).toBeUndefined();
		expect(result.image).toBeUndefined();
		expect(result.rencontre).toBeUndefined();
		expect(errorsOf(frenchParse(testimonialSchema(helpers), { name: '', date: '2021-06-30' }))).toContain(
			'le champ « name » : ne doit pas être vide',
		);
	});
});

describe('settings', () => {
	it('validates the site settings', () => {
		expect(settingsSchema.parse({ name: 'Relais', description: 'D' }).timeZone).toBe('Europe/Paris');
		expect(errorsOf(frenchParse(settingsSchema, { name: 'Relais', description: 'D', timeZone: 'Europe/Pariss' }))).toContain(
			'fuseau horaire IANA inconnu',
		);
	});

	it('bounds the feeds to the newest 30 entries unless told otherwise', () => {
		expect(settingsSchema.parse({ name: 'Relais', description: 'D' }).feeds.limit).toBe(30);
		expect(settingsSchema.parse({ name: 'Relais', description: 'D', feeds: { limit: 50 } }).feeds.limit).toBe(50);
		for (const limit of [0, 201, 2.5]) {
			expect(errorsOf(frenchParse(settingsSchema, { name: 'Relais', description: 'D', feeds: { limit } })), String(limit)).toContain(
				'feeds.limit',
			);
		}
	});
});
