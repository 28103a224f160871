/**
 * Builds the `journalists` fixture and reads what journalists use: the agenda and
 * its iCalendar files (read with node-ical), the feeds in every format (read with
 * real parsers), the press-kit ZIP (opened with fflate), people and organisation
 * pages, the press office, and nothing of drafts or scheduled entries anywhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseJsonFeed } from 'feedsmith';
import { unzipSync } from 'fflate';
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFileSize } from '../../src/press-kit/sizes';
import { listFiles, readOutput, sharedBuild, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const fixture = (...parts: string[]) => path.resolve('tests/fixtures/journalists/content', ...parts);

let site: BuildResult;
beforeAll(() => {
	// A fixed "now": upcoming and past events and scheduled entries do not drift.
	site = sharedBuild({ fixture: 'journalists', env: { RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' } });
	if (!site.ok) throw new Error(site.output);
});

const html = (file: string) => parse(readOutput(site.outDir, file));
const text = (file: string) => html(file).text.replace(/\s+/g, ' ');
const hrefs = (file: string, selector = 'a') =>
	html(file)
		.querySelectorAll(selector)
		.map((a) => a.getAttribute('href') ?? '');
const events = (file: string): VEvent[] =>
	Object.values(ical.sync.parseICS(readOutput(site.outDir, file))).filter((component): component is VEvent => component?.type === 'VEVENT');
const byUid = (list: VEvent[], uid: string) => list.find((event) => event.uid === uid);
const uid = (collection: string, id: string) => `${collection}-${id}@presse.example.org`;

describe('agenda', () => {
	it('lists upcoming events soonest first, then past ones by year', () => {
		const page = html('agenda/index.html');
		const upcoming = page.querySelectorAll('#a-venir ~ ul .entry-card__title a').map((a) => a.getAttribute('href'));
		expect(upcoming).toEqual(['/communiques/2025-11-05-salon/', '/communiques/2026-01-10-invitation/']);
		const years = page.querySelectorAll('.agenda-past h3').map((h) => h.text.trim());
		expect(years).toEqual(['En 2025']);
		const past = page.querySelectorAll('.agenda-past .entry-card__title a').map((a) => a.getAttribute('href'));
		expect(past).toEqual(['/rencontres/2025-10-07-rencontre-automne/', '/rencontres/2025-03-12-rencontre-printemps/']);
		expect(page.querySelector('a[href="/agenda.ics"]')).not.toBeNull();
	});

	it('publishes an iCalendar feed read by node-ical, in Europe/Paris, with stable UIDs', () => {
		const raw = readOutput(site.outDir, 'agenda.ics');
		expect(raw.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(raw.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(raw).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
		const list = events('agenda.ics');
		expect(list.map((event) => event.uid).sort()).toEqual(
			[
				uid('communiques', '2025-11-05-salon'),
				uid('communiques', '2026-01-10-invitation'),
				uid('rencontres', '2025-03-12-rencontre-printemps'),
				uid('rencontres', '2025-10-07-rencontre-automne'),
			].sort(),
		);
		const invitation = byUid(list, uid('communiques', '2026-01-10-invitation'));
		// 18 h 30 in Paris in summer is 16:30 UTC.
		expect(invitation?.start.toISOString()).toBe('2099-06-15T16:30:00.000Z');
		expect(invitation?.start.tz).toBe('Europe/Paris');
		expect(invitation?.end?.toISOString()).toBe('2099-06-15T19:00:00.000Z');
		expect(raw).toContain('DTSTART;TZID=Europe/Paris:20990615T183000');
		// DTSTAMP is the entry's date (2026-01-10 at 9 h in Paris), not the build time.
		expect(raw).toContain('DTSTAMP:20260110T080000Z');
		expect(String(invitation?.summary)).toBe('Invitation à la soirée des réseaux, édition 2099');
		const url = invitation?.url as unknown as string | { val: string };
		expect(typeof url === 'string' ? url : url.val).toBe(`${ORIGIN}/communiques/2026-01-10-invitation/`);
		// Winter time for the past rencontre: 9 h is 08:00 UTC.
		expect(byUid(list, uid('rencontres', '2025-03-12-rencontre-printemps'))?.start.toISOString()).toBe('2025-03-12T08:00:00.000Z');
	});

	it('escapes commas, semicolons and newlines, and folds lines at 75 octets', () => {
		const raw = readOutput(site.outDir, 'agenda.ics');
		const unfolded = raw.replace(/\r\n[ \t]/g, '');
		expect(unfolded).toMatch(/LOCATION:Salle A\\, bâtiment B\s?\\; étage 2\\, 12 rue des Écoles\\, Alès\r\n/u);
		expect(unfolded).toContain('SUMMARY:Invitation à la soirée des réseaux\\, édition 2099\r\n');
		// The description and the page URL are separated by an escaped blank line, not a raw newline.
		expect(unfolded).toMatch(
			/DESCRIPTION:Les réseaux[^\r\n]*\\n\\nhttps:\/\/presse\.example\.org\/communiques\/2026-01-10-invitation\/\r\n/u,
		);
		const location = String(byUid(events('agenda.ics'), uid('communiques', '2026-01-10-invitation'))?.location);
		expect(location.replace(/\s;/u, ';')).toBe('Salle A, bâtiment B; étage 2, 12 rue des Écoles, Alès');
		const lines = raw.split('\r\n');
		expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
		expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('writes a date-only event as an all-day event (exclusive end)', () => {
		const raw = readOutput(site.outDir, 'agenda.ics');
		expect(raw).toContain('DTSTART;VALUE=DATE:20990420\r\nDTEND;VALUE=DATE:20990422\r\n');
		const salon = byUid(events('agenda.ics'), uid('communiques', '2025-11-05-salon'));
		expect(salon?.datetype).toBe('date');
	});

	it('gives each event its own .ics, linked from its page, with the same UID', () => {
		for (const [collection, id] of [
			['communiques', '2026-01-10-invitation'],
			['communiques', '2025-11-05-salon'],
			['rencontres', '2025-03-12-rencontre-printemps'],
			['rencontres', '2025-10-07-rencontre-automne'],
		] as const) {
			const file = `${collection}/${id}/evenement.ics`;
			const single = events(file);
			expect(single.map((event) => event.uid)).toEqual([uid(collection, id)]);
			const link = html(`${collection}/${id}/index.html`).querySelector(`a[href="/${file}"]`);
			expect(link?.text).toContain('Ajouter à mon agenda');
		}
		const pages = listFiles(site.outDir).filter((file) => file.endsWith('evenement.ics'));
		expect(pages).toHaveLength(4);
	});
});

describe('feeds in every format', () => {
	const scopes = ['', 'communiques/', 'rencontres/', 'temoignages/', 'themes/industrie/', 'themes/reseaux-d-entreprises/'];

	it.each(scopes)('%s: RSS, Atom and JSON Feed parse and list the same items in the same order', (scope) => {
		const rss = parseFeed(readOutput(site.outDir, `${scope}rss.xml`));
		const atom = parseFeed(readOutput(site.outDir, `${scope}atom.xml`));
		const jsonText = readOutput(site.outDir, `${scope}feed.json`);
		const json = parseJsonFeed(jsonText);
		expect(rss.meta.type).toBe('rss');
		expect(atom.meta.type).toBe('atom');
		const links = rss.items.map((item) => item.url);
		expect(links.length).toBeGreaterThan(0);
		expect(atom.items.map((item) => item.url)).toEqual(links);
		expect(atom.items.map((item) => item.id)).toEqual(links);
		expect((json.items ?? []).map((item) => item.url)).toEqual(links);
		expect(atom.items.map((item) => item.title)).toEqual(rss.items.map((item) => item.title));
		expect((json.items ?? []).map((item) => item.title)).toEqual(rss.items.map((item) => item.title));
		expect(atom.items.map((item) => item.published?.getTime())).toEqual(rss.items.map((item) => item.published?.getTime()));
		// JSON Feed 1.1 required members, read as plain JSON.
		const raw = JSON.parse(jsonText);
		expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
		expect(raw.feed_url).toBe(`${ORIGIN}/${scope}feed.json`);
		for (const item of raw.items) expect(typeof item.id === 'string' && (item.content_html || item.content_text)).toBeTruthy();
		expect(readOutput(site.outDir, `${scope}atom.xml`)).toContain(
			`<link href="${ORIGIN}/${scope}atom.xml" rel="self" type="application/atom+xml"/>`,
		);
	});

	it('carries the full content in Atom and JSON Feed', () => {
		const atom = parseFeed(readOutput(site.outDir, 'atom.xml'));
		const invitation = atom.items.find((item) => item.url?.endsWith('/2026-01-10-invitation/'));
		expect(invitation?.content).toContain('hippocampelephantocamelos');
		const json = JSON.parse(readOutput(site.outDir, 'feed.json'));
		expect(json.items[0].content_html).toContain('hippocampelephantocamelos');
		expect(json.items[0].tags).toContain('industrie');
	});

	it('announces every format in the head of the pages', () => {
		const expectLinks = (file: string, feedPaths: string[]) => {
			const page = html(file);
			for (const feed of feedPaths) {
				const type = feed.endsWith('rss.xml')
					? 'application/rss+xml'
					: feed.endsWith('atom.xml')
						? 'application/atom+xml'
						: 'application/feed+json';
				expect(page.querySelector(`link[rel="alternate"][type="${type}"][href="${ORIGIN}/${feed}"]`), `${file} ${feed}`).not.toBeNull();
			}
		};
		const all = ['rss.xml', 'atom.xml', 'feed.json'];
		expectLinks('index.html', all);
		expectLinks('agenda/index.html', all);
		expectLinks('communiques/index.html', [...all, 'communiques/rss.xml', 'communiques/atom.xml', 'communiques/feed.json']);
		expectLinks('themes/industrie/index.html', ['themes/industrie/rss.xml', 'themes/industrie/atom.xml', 'themes/industrie/feed.json']);
		expectLinks('rencontres/2025-03-12-rencontre-printemps/index.html', ['rencontres/atom.xml', 'rencontres/feed.json']);
	});

	it('lists every feed with a copyable address on /flux/', () => {
		const page = html('flux/index.html');
		const values = page.querySelectorAll('input[readonly]').map((input) => input.getAttribute('value'));
		const feedFiles = listFiles(site.outDir).filter((file) => /(^|\/)(rss\.xml|atom\.xml|feed\.json|agenda\.ics)$/.test(file));
		// Everything, 4 collections (press coverage empty here), 2 themes, 3 people, 4 organisations; and the agenda.
		expect(feedFiles.length).toBe(14 * 3 + 1);
		for (const file of feedFiles) expect(values, file).toContain(`${ORIGIN}/${file}`);
		for (const value of values) expect(feedFiles, String(value)).toContain(new URL(String(value)).pathname.slice(1));
		expect(page.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
		expect(page.text).toContain('Comment s’abonner');
		expect(page.querySelectorAll('h2').map((h2) => h2.text)).toEqual([
			'Comment s’abonner',
			'Agenda (iCalendar)',
			'Toute l’actualité',
			'Par type de publication',
			'Par thème',
			'Par personne',
			'Par organisation',
		]);
	});

	it('has a feed per person and per organisation, carrying the entries that name them', () => {
		const links = (file: string) => parseFeed(readOutput(site.outDir, file)).items.map((item) => item.url);
		expect(links('personnes/annick-le-lan/rss.xml')).toEqual([
			`${ORIGIN}/rencontres/2025-10-07-rencontre-automne/`,
			`${ORIGIN}/temoignages/2025-03-15-annick-le-lan/`,
			`${ORIGIN}/rencontres/2025-03-12-rencontre-printemps/`,
		]);
		expect(links('personnes/anick-le-lan/atom.xml')).toEqual([`${ORIGIN}/rencontres/2025-10-07-rencontre-automne/`]);
		// Organised both rencontres; its president spoke at the spring one.
		expect(links('organisations/leader-ales/rss.xml')).toEqual([
			`${ORIGIN}/rencontres/2025-10-07-rencontre-automne/`,
			`${ORIGIN}/rencontres/2025-03-12-rencontre-printemps/`,
		]);
		// Organised nothing: its director spoke at both rencontres and gave a testimonial.
		const json = JSON.parse(readOutput(site.outDir, 'organisations/ales-myriapolis/feed.json'));
		expect(json.title).toBe('Relais – Alès Myriapolis');
		expect(json.items.map((item: { url: string }) => item.url)).toEqual(links('personnes/annick-le-lan/rss.xml'));
		expect(parseJsonFeed(JSON.stringify(json)).feed_url).toBe(`${ORIGIN}/organisations/ales-myriapolis/feed.json`);
	});

	it('links each person’s and organisation’s feed from their page, in the head and visibly', () => {
		for (const folder of ['personnes/annick-le-lan', 'organisations/ales-myriapolis']) {
			const page = html(`${folder}/index.html`);
			for (const [type, file] of [
				['application/rss+xml', 'rss.xml'],
				['application/atom+xml', 'atom.xml'],
				['application/feed+json', 'feed.json'],
			]) {
				expect(
					page.querySelector(`link[rel="alternate"][type="${type}"][href="${ORIGIN}/${folder}/${file}"]`),
					`${folder} ${file}`,
				).not.toBeNull();
			}
			expect(page.querySelector(`main a[href="/${folder}/rss.xml"]`)?.text).toBe('S’abonner au flux RSS');
		}
		// The organisation's page lists what its feed carries.
		expect(hrefs('organisations/ales-myriapolis/index.html', '#interventions ~ ul a')).toEqual([
			'/rencontres/2025-10-07-rencontre-automne/',
			'/temoignages/2025-03-15-annick-le-lan/',
			'/rencontres/2025-03-12-rencontre-printemps/',
		]);
	});

	it('says an item’s event at the top of its content, and as fields', () => {
		const rss = parseFeed(readOutput(site.outDir, 'rss.xml'));
		const invitation = rss.items.find((item) => item.url?.endsWith('/2026-01-10-invitation/'));
		// Text as read: paragraphs and line breaks as spaces.
		const content = parse((invitation?.content ?? '').replace(/<br\/?>|<\/p>/g, ' ')).text.replace(/\s+/g, ' ');
		expect(content).toMatch(
			/^Communiqué de presse Événement Date : 15 juin 2099, de 18 h 30 à 21 h Lieu : Salle A, bâtiment B ; étage 2, 12 rue des Écoles, Alès Ajouter à mon agenda Mot témoin/,
		);
		expect(invitation?.content).toContain(`href="${ORIGIN}/communiques/2026-01-10-invitation/evenement.ics"`);
		const raw = readOutput(site.outDir, 'atom.xml');
		expect(raw).toContain('<ev:startdate>2099-06-15T18:30:00+02:00</ev:startdate>');
		const json = JSON.parse(readOutput(site.outDir, 'feed.json'));
		const salon = json.items.find((item: { url: string }) => item.url.endsWith('/2025-11-05-salon/'));
		expect(salon._event).toEqual({
			start: '2099-04-20',
			end: '2099-04-21',
			all_day: true,
			place: 'Parc des expositions',
			city: 'Nîmes',
			calendar_url: `${ORIGIN}/communiques/2025-11-05-salon/evenement.ics`,
		});
		const testimonial = json.items.find((item: { url: string }) => item.url.includes('/temoignages/'));
		expect(testimonial._event).toBeUndefined();
	});
});

describe('press kit', () => {
	it('offers a ZIP of every attachment, byte for byte, with its size', () => {
		const page = html('communiques/2026-01-10-invitation/index.html');
		const link = page.querySelector('.attachments a[href="/communiques/2026-01-10-invitation/dossier-de-presse.zip"]');
		expect(link?.text).toContain('Télécharger le dossier de presse');
		const zip = readFileSync(path.join(site.outDir, 'communiques/2026-01-10-invitation/dossier-de-presse.zip'));
		expect(link?.text.replace(/\s+/g, ' ')).toContain(`ZIP – ${formatFileSize(zip.byteLength, 'fr-FR')}`.replace(/\s+/g, ' '));
		const files = unzipSync(new Uint8Array(zip));
		expect(Object.keys(files)).toEqual(['LISEZ-MOI.txt', 'programme.txt', 'participants.csv']);
		expect(Buffer.from(files['LISEZ-MOI.txt'] ?? []).toString('utf8')).toContain('programme.txt\r\n  Programme');
		for (const name of ['programme.txt', 'participants.csv']) {
			expect(Buffer.from(files[name] ?? []).equals(readFileSync(fixture('communiques/2026-01-10-invitation', name)))).toBe(true);
		}
		// Entries without attachments have no ZIP.
		expect(listFiles(site.outDir).filter((file) => file.endsWith('.zip'))).toEqual([
			path.join('communiques', '2026-01-10-invitation', 'dossier-de-presse.zip'),
		]);
	});
});

describe('people and organisations', () => {
	it('groups names differing only in case or accents, and keeps other names apart', () => {
		const people = listFiles(site.outDir).filter((file) => /^personnes\/[^/]+\/index\.html$/.test(file));
		expect(people.sort()).toEqual([
			'personnes/anick-le-lan/index.html',
			'personnes/annick-le-lan/index.html',
			'personnes/pierre-durand/index.html',
		]);
		expect(html('personnes/annick-le-lan/index.html').querySelector('h1')?.text).toBe('Annick Le Lan');
		expect(html('personnes/anick-le-lan/index.html').querySelector('h1')?.text).toBe('Anick Le Lan');
		const index = hrefs('personnes/index.html', 'main a');
		expect(index).toContain('/personnes/annick-le-lan/');
		expect(index).toContain('/personnes/anick-le-lan/');
	});

	it('links people and entries both ways', () => {
		const person = hrefs('personnes/annick-le-lan/index.html', 'main a');
		expect(person).toContain('/rencontres/2025-03-12-rencontre-printemps/');
		expect(person).toContain('/rencontres/2025-10-07-rencontre-automne/');
		expect(person).toContain('/temoignages/2025-03-15-annick-le-lan/');
		expect(person).toContain('/organisations/ales-myriapolis/');
		expect(hrefs('personnes/anick-le-lan/index.html', 'main a')).not.toContain('/rencontres/2025-03-12-rencontre-printemps/');
		expect(hrefs('rencontres/2025-03-12-rencontre-printemps/index.html', '.people a')).toEqual([
			'/personnes/annick-le-lan/',
			'/personnes/pierre-durand/',
		]);
		expect(hrefs('rencontres/2025-10-07-rencontre-automne/index.html', '.people a')).toEqual([
			'/personnes/annick-le-lan/',
			'/personnes/anick-le-lan/',
		]);
		expect(hrefs('temoignages/2025-03-15-annick-le-lan/index.html', 'main a')).toContain('/personnes/annick-le-lan/');
	});

	it('has organisation pages with their people and the rencontres they organised', () => {
		const org = html('organisations/leader-ales/index.html');
		// « Leader Alès » twice against « leader alès » once.
		expect(org.querySelector('h1')?.text).toBe('Leader Alès');
		const links = org.querySelectorAll('main a').map((a) => a.getAttribute('href'));
		expect(links).toContain('/personnes/pierre-durand/');
		expect(links).toContain('/rencontres/2025-03-12-rencontre-printemps/');
		expect(links).toContain('/rencontres/2025-10-07-rencontre-automne/');
		expect(hrefs('organisations/index.html', 'main a')).toEqual(
			expect.arrayContaining([
				'/organisations/ales-myriapolis/',
				'/organisations/cabinet-conseil/',
				'/organisations/leader-ales/',
				'/organisations/reseau-entreprendre-gard/',
			]),
		);
		expect(hrefs('organisations/ales-myriapolis/index.html', 'main a')).toContain('/personnes/annick-le-lan/');
	});
});

describe('home page', () => {
	it('shows upcoming events by when they take place, not when they were announced', () => {
		const section = html('index.html').querySelector('#prochains-evenements')?.closest('section');
		const items = section?.querySelectorAll('li') ?? [];
		expect(items.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([
			'/communiques/2025-11-05-salon/',
			'/communiques/2026-01-10-invitation/',
		]);
		expect(items.map((item) => item.querySelector('time')?.getAttribute('datetime'))).toEqual(['2099-04-20', '2099-06-15T18:30+02:00']);
		const text = items.map((item) => item.text.replace(/\s+/g, ' '));
		expect(text[0]).toContain('du 20 avril 2099 au 21 avril 2099');
		expect(text[0]).toContain('Parc des expositions, Nîmes');
		expect(text[1]).toContain('15 juin 2099, de 18 h 30 à 21 h');
		// Not the publication dates (5 November 2025, 10 January 2026).
		expect(section?.text).not.toMatch(/novembre 2025|janvier 2026/);
	});
});

describe('French typography', () => {
	it('gives tags, theme labels, organisers, speakers and roles typographic apostrophes, themes keeping their slugs', () => {
		const release = html('communiques/2026-01-10-invitation/index.html');
		const tag = release.querySelector('.tag-list a[href="/themes/reseaux-d-entreprises/"]');
		expect(tag?.text).toBe('réseaux d’entreprises');
		expect(html('themes/reseaux-d-entreprises/index.html').querySelector('h1')?.text).toContain('réseaux d’entreprises');
		const contacts = release.querySelector('#contacts-presse')?.closest('section')?.text ?? '';
		expect(contacts).toContain('partenariats de l’agglomération');
		const meeting = html('rencontres/2025-03-12-rencontre-printemps/index.html');
		expect(meeting.querySelector('.tag-list')?.text).toContain('réseaux d’entreprises');
		const json = JSON.parse(readOutput(site.outDir, 'feed.json'));
		expect(json.items[0].tags).toContain('réseaux d’entreprises');
		for (const file of listFiles(site.outDir).filter((name) => name.endsWith('.html'))) {
			const visible = html(file).querySelector('main')?.text ?? '';
			expect(visible, file).not.toMatch(/\p{L}'\p{L}/u);
		}
	});
});

describe('contact cards (vCard)', () => {
	const card = (file: string) => new ICAL.Component(ICAL.parse(readOutput(site.outDir, file)));
	const fields = (value: unknown) => (Array.isArray(value) ? value : [value]);

	it('offers a vCard 4.0 of each contact of a release, read back by ical.js', () => {
		const page = html('communiques/2026-01-10-invitation/index.html');
		const links = page.querySelectorAll('#contacts-presse ~ ul a[type="text/vcard"]');
		expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('download')])).toEqual([
			['/communiques/2026-01-10-invitation/contacts/claire-vidal.vcf', 'claire-vidal.vcf'],
			['/communiques/2026-01-10-invitation/contacts/jean-marc-de-la-tour.vcf', 'jean-marc-de-la-tour.vcf'],
		]);
		expect(links[0]?.text.replace(/\s+/g, ' ')).toBe('Ajouter à mes contacts : Claire Vidal (fiche vCard)');
		const claire = card('communiques/2026-01-10-invitation/contacts/claire-vidal.vcf');
		expect(claire.getFirstPropertyValue('version')).toBe('4.0');
		expect(claire.getFirstPropertyValue('fn')).toBe('Claire Vidal');
		expect(claire.getFirstPropertyValue('n')).toEqual(['Vidal', 'Claire', '', '', '']);
		expect(claire.getFirstPropertyValue('title')).toBe('Attachée de presse');
		expect(fields(claire.getFirstPropertyValue('org'))).toEqual(['Relais (exemple de salle de presse)']);
		expect(claire.getFirstPropertyValue('email')).toBe('presse@ales-agglo.example');
		expect(claire.getFirstPropertyValue('url')).toBe(`${ORIGIN}/`);
		expect(claire.getFirstProperty('tel')).toBeNull();
		const jeanMarc = card('communiques/2026-01-10-invitation/contacts/jean-marc-de-la-tour.vcf');
		expect(jeanMarc.getFirstPropertyValue('n')).toEqual(['DE LA TOUR', 'Jean-Marc', '', '', '']);
		expect(jeanMarc.getFirstPropertyValue('title')).toBe(
			'Chargé des relations presse\u202f; salons, événements et partenariats de l’agglomération',
		);
		expect(jeanMarc.getFirstProperty('tel')?.type).toBe('uri');
		expect(jeanMarc.getFirstPropertyValue('tel')).toBe('tel:+33466123456');
	});

	it('writes CRLF lines of at most 75 octets, commas escaped', () => {
		const raw = readOutput(site.outDir, 'communiques/2026-01-10-invitation/contacts/jean-marc-de-la-tour.vcf');
		expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
		expect(raw.replace(/\r\n /g, '')).toContain('salons\\, événements');
	});

	it('gives the press office one card, linked wherever the office is shown', () => {
		const office = card('presse/contacts/service-de-presse.vcf');
		expect(office.getFirstPropertyValue('kind')).toBe('org');
		expect(office.getFirstPropertyValue('org')).toEqual(['Relais (exemple de salle de presse)', 'Service de presse']);
		expect(office.getFirstPropertyValue('email')).toBe('presse@relais.example');
		expect(office.getFirstPropertyValue('tel')).toBe('tel:+33466000000');
		expect(office.getFirstPropertyValue('source')).toBe(`${ORIGIN}/presse/contacts/service-de-presse.vcf`);
		for (const file of ['presse/index.html', 'communiques/2025-11-05-salon/index.html']) {
			expect(hrefs(file, '#service-de-presse ~ ul a[type="text/vcard"]'), file).toEqual(['/presse/contacts/service-de-presse.vcf']);
		}
		const cards = listFiles(site.outDir).filter((file) => file.endsWith('.vcf'));
		expect(cards.sort()).toEqual([
			'communiques/2026-01-10-invitation/contacts/claire-vidal.vcf',
			'communiques/2026-01-10-invitation/contacts/jean-marc-de-la-tour.vcf',
			'presse/contacts/service-de-presse.vcf',
		]);
	});
});

describe('press office', () => {
	it('shows the press office on every press release', () => {
		for (const id of ['2026-01-10-invitation', '2025-11-05-salon']) {
			const page = html(`communiques/${id}/index.html`);
			const block = page.querySelector('#service-de-presse')?.closest('section');
			expect(block?.text, id).toContain('presse@relais.example');
			// Two contact blocks on one page keep unique ids.
			const ids = page.querySelectorAll('[id]').map((node) => node.id);
			expect(new Set(ids).size, id).toBe(ids.length);
		}
		expect(html('rencontres/2025-03-12-rencontre-printemps/index.html').querySelector('#service-de-presse')).toBeNull();
	});

	it('has a /presse/ page with contacts, subscriptions, boilerplate and latest releases', () => {
		const page = html('presse/index.html');
		const links = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
		expect(links).toContain('/flux/');
		expect(links).toContain('/agenda.ics');
		expect(links).toContain('mailto:presse@relais.example');
		expect(links).toContain('/communiques/2026-01-10-invitation/');
		expect(page.text).toContain('Relais publie l’actualité');
	});

	it('links the journalists’ pages from the footer', () => {
		const footer = hrefs('index.html', '.site-footer a');
		for (const href of ['/presse/', '/agenda/', '/flux/', '/personnes/']) expect(footer).toContain(href);
	});
});

describe('publishing rules', () => {
	it('leaves no trace of drafts and scheduled entries in any file, archives included', () => {
		// The scheduled entry by its id: « embargo » alone is now a field of the contract, named by the editor's config.
		const secrets = ['zorglub', 'quasimodo', 'brouillon-secret', 'brouillon-rencontre', '2026-12-01-embargo'];
		for (const file of listFiles(site.outDir)) {
			expect(file.toLowerCase()).not.toMatch(/zorglub|brouillon|2026-12-01-embargo/);
			const bytes = readFileSync(path.join(site.outDir, file));
			const contents = [bytes.toString('utf8'), bytes.toString('latin1')];
			if (file.endsWith('.zip')) {
				for (const data of Object.values(unzipSync(new Uint8Array(bytes)))) contents.push(Buffer.from(data).toString('utf8'));
			}
			for (const secret of secrets) {
				expect(
					contents.some((content) => content.toLowerCase().includes(secret)),
					`${secret} in ${file}`,
				).toBe(false);
			}
		}
		expect(text('agenda/index.html')).not.toContain('Zorglub');
	});
});

describe('base path', () => {
	let based: BuildResult;
	beforeAll(() => {
		based = sharedBuild({ fixture: 'journalists', env: { BASE_PATH: '/presse', RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' } });
		if (!based.ok) throw new Error(based.output);
	});

	it('keeps agenda, feeds, press kit and people under /presse/', () => {
		for (const file of [
			'agenda/index.html',
			'flux/index.html',
			'presse/index.html',
			'personnes/annick-le-lan/index.html',
			'organisations/ales-myriapolis/index.html',
			'communiques/2026-01-10-invitation/index.html',
		]) {
			const page = parse(readOutput(based.outDir, file));
			for (const node of page.querySelectorAll('[href], [src], [action]')) {
				for (const attr of ['href', 'src', 'action']) {
					const value = node.getAttribute(attr);
					if (value?.startsWith('/')) expect(value, `${file}: ${attr}`).toMatch(/^\/presse\//);
					if (value?.startsWith(ORIGIN)) expect(value, `${file}: ${attr}`).toMatch(/^https:\/\/presse\.example\.org\/presse\//);
				}
			}
			for (const input of page.querySelectorAll('input[readonly]'))
				expect(input.getAttribute('value')).toMatch(/^https:\/\/presse\.example\.org\/presse\//);
		}
		const json = JSON.parse(readOutput(based.outDir, 'feed.json'));
		expect(json.feed_url).toBe(`${ORIGIN}/presse/feed.json`);
		expect(JSON.parse(readOutput(based.outDir, 'personnes/annick-le-lan/feed.json')).feed_url).toBe(
			`${ORIGIN}/presse/personnes/annick-le-lan/feed.json`,
		);
		expect(json.items[0]._event.calendar_url).toBe(`${ORIGIN}/presse/communiques/2026-01-10-invitation/evenement.ics`);
		// Contact cards under the base path, and their SOURCE with it.
		expect(readOutput(based.outDir, 'presse/contacts/service-de-presse.vcf').replace(/\r\n /g, '')).toContain(
			`SOURCE:${ORIGIN}/presse/presse/contacts/service-de-presse.vcf\r\n`,
		);
		expect(parse(readOutput(based.outDir, 'presse/index.html')).querySelector('a[type="text/vcard"]')?.getAttribute('href')).toBe(
			'/presse/presse/contacts/service-de-presse.vcf',
		);
		expect(readOutput(based.outDir, 'agenda.ics').replace(/\r\n[ \t]/g, '')).toContain(
			`URL;VALUE=URI:${ORIGIN}/presse/communiques/2026-01-10-invitation/`,
		);
		// Same content, same files: only the readme's address of the page follows the base path.
		const unzipped = (outDir: string) =>
			unzipSync(new Uint8Array(readFileSync(path.join(outDir, 'communiques/2026-01-10-invitation/dossier-de-presse.zip'))));
		const [rooted, underBase] = [unzipped(site.outDir), unzipped(based.outDir)];
		expect(Buffer.from(underBase['LISEZ-MOI.txt'] ?? []).toString('utf8')).toContain(`${ORIGIN}/presse/communiques/2026-01-10-invitation/`);
		for (const name of ['programme.txt', 'participants.csv']) {
			expect(Buffer.from(underBase[name] ?? []).equals(Buffer.from(rooted[name] ?? []))).toBe(true);
		}
	});
});
