/** The vCard writer, read back by ical.js (an independent RFC 6350 parser). */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { contactKind, foldLine, nameParts, serializeVCard, telUri, type VCardContact } from '../../src/contacts/vcard';

const read = (text: string) => new ICAL.Component(ICAL.parse(text));
/** The fields of a compound value: ical.js gives a one-field value as a plain string. */
const fields = (value: unknown) => (Array.isArray(value) ? value : [value]);

const person: VCardContact = {
	kind: 'individual',
	name: 'Claire Vidal',
	role: 'Attachée de presse',
	organisation: 'Alès Agglomération',
	email: 'presse@ales-agglo.example',
	tel: 'tel:+33466000012',
	url: 'https://presse.example.org/',
	source: 'https://presse.example.org/communiques/x/contacts/claire-vidal.vcf',
};

describe('serializeVCard', () => {
	it('writes a vCard 4.0 that ical.js reads field by field', () => {
		const text = serializeVCard(person);
		expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
		expect(text.endsWith('END:VCARD\r\n')).toBe(true);
		const card = read(text);
		expect(card.name).toBe('vcard');
		expect(card.getFirstPropertyValue('version')).toBe('4.0');
		expect(card.getFirstPropertyValue('kind')).toBe('individual');
		expect(card.getFirstPropertyValue('fn')).toBe('Claire Vidal');
		expect(card.getFirstPropertyValue('n')).toEqual(['Vidal', 'Claire', '', '', '']);
		expect(fields(card.getFirstPropertyValue('org'))).toEqual(['Alès Agglomération']);
		expect(card.getFirstPropertyValue('title')).toBe('Attachée de presse');
		expect(card.getFirstPropertyValue('email')).toBe('presse@ales-agglo.example');
		const tel = card.getFirstProperty('tel');
		expect(tel?.type).toBe('uri');
		expect(tel?.getFirstValue()).toBe('tel:+33466000012');
		expect(tel?.getParameter('type')).toEqual(['work', 'voice']);
		expect(card.getFirstPropertyValue('url')).toBe('https://presse.example.org/');
		expect(card.getFirstPropertyValue('source')).toBe(person.source);
	});

	it('escapes commas, semicolons, backslashes and newlines so they read back as written', () => {
		const awkward = 'Relations presse; événements, salons \\ partenaires\nAlès';
		const card = read(
			serializeVCard({ ...person, name: 'Jean-Marc DE LA TOUR', role: awkward, organisation: 'Alès; Cévennes, Agglo', kind: 'individual' }),
		);
		expect(card.getFirstPropertyValue('title')).toBe(awkward);
		expect(card.getFirstPropertyValue('n')).toEqual(['DE LA TOUR', 'Jean-Marc', '', '', '']);
		expect(fields(card.getFirstPropertyValue('org'))).toEqual(['Alès; Cévennes, Agglo']);
		const raw = serializeVCard({ ...person, role: awkward, organisation: 'Alès; Cévennes, Agglo' });
		const unfolded = raw.replace(/\r\n /g, '');
		expect(unfolded).toContain('TITLE:Relations presse; événements\\, salons \\\\ partenaires\\nAlès\r\n');
		expect(unfolded).toContain('ORG:Alès\\; Cévennes\\, Agglo\r\n');
	});

	it('folds lines at 75 octets without splitting a character, with CRLF only', () => {
		const long = 'Chargée des relations avec la presse régionale et nationale, des salons et des événements du réseau';
		const raw = serializeVCard({ ...person, role: long });
		const lines = raw.split('\r\n');
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
		expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(read(raw).getFirstPropertyValue('title')).toBe(long);
		// Two-byte letters right at the limit stay whole.
		const folded = foldLine(`TITLE:${'é'.repeat(100)}`);
		expect(folded.split('\r\n ').join('')).toBe(`TITLE:${'é'.repeat(100)}`);
		for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	});

	it('writes a service as an organisation unit, with its whole name', () => {
		const card = read(serializeVCard({ ...person, kind: 'org', name: 'Service de presse', role: undefined, organisation: 'Relais' }));
		expect(card.getFirstPropertyValue('kind')).toBe('org');
		expect(card.getFirstPropertyValue('fn')).toBe('Service de presse');
		expect(card.getFirstPropertyValue('org')).toEqual(['Relais', 'Service de presse']);
		expect(card.getFirstPropertyValue('title')).toBeNull();
	});
});

describe('contact names', () => {
	it('keeps particles and capitals with the family name', () => {
		expect(nameParts('Annick Le Lan', 'individual')).toEqual({ family: 'Le Lan', given: 'Annick' });
		expect(nameParts('Jean de La Tour', 'individual')).toEqual({ family: 'de La Tour', given: 'Jean' });
		expect(nameParts('Marie Claire Dupont', 'individual')).toEqual({ family: 'Dupont', given: 'Marie Claire' });
		expect(nameParts('DUPONT Marie', 'individual')).toEqual({ family: 'DUPONT', given: 'Marie' });
		expect(nameParts('Cher', 'individual')).toEqual({ family: 'Cher', given: '' });
		expect(nameParts('Service de presse', 'org')).toEqual({ family: 'Service de presse', given: '' });
	});

	it('tells services from people', () => {
		expect(contactKind('Service de presse')).toBe('org');
		expect(contactKind('Direction de la communication')).toBe('org');
		expect(contactKind('Pôle presse')).toBe('org');
		expect(contactKind('Claire Vidal')).toBe('individual');
		expect(contactKind('Serviane Martin')).toBe('individual');
	});
});

describe('telUri', () => {
	it('makes national numbers global from the site’s region', () => {
		expect(telUri('04 66 00 00 00', 'FR')).toBe('tel:+33466000000');
		expect(telUri('+33 (0)4 66', 'FR')).toBe('tel:+33466');
		expect(telUri('0033 4 66 00 00 00', 'FR')).toBe('tel:+33466000000');
		expect(telUri('+32 2 555 12 12')).toBe('tel:+3225551212');
		expect(telUri('02 555 12 12', 'BE')).toBe('tel:+3225551212');
		expect(telUri('514 555 0000', 'CA')).toBe('tel:+15145550000');
		expect(telUri('04 66 00 00 00')).toBe('tel:0466000000');
	});
});
