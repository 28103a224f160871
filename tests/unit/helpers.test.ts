import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/site/base-links';
import { absolutizeHtml, markdownToPlainText, truncate } from '../../src/text/html';
import { fr, t } from '../../src/text/i18n';
import { frenchTypography } from '../../src/text/typography';
import { entryIdFromPath } from '../../src/content/ids';
import { serializeJsonLd } from '../../src/site/json-ld';
import { paginate } from '../../src/site/pagination';
import { normalizeBase, resolveSettings } from '../../src/settings/resolve';
import { describeFile, fileTypeLabel, formatFileSize } from '../../src/press-kit/sizes';
import { groupByTheme, themeSlug } from '../../src/content/themes';
import { createUrlBuilder } from '../../src/site/urls';
import userSettings from '../../relais.config';

describe('sizes', () => {
	it('writes French binary units', () => {
		expect(formatFileSize(151040, 'fr-FR')).toBe('147,5\u00a0Kio');
		expect(formatFileSize(512, 'fr-FR')).toBe('512\u00a0o');
		expect(formatFileSize(3 * 1024 * 1024, 'fr-FR')).toBe('3\u00a0Mio');
		expect(describeFile('logo.png', 151040, 'fr-FR')).toBe('PNG – 147,5\u00a0Kio');
		expect(fileTypeLabel('photo.JPG')).toBe('JPEG');
		expect(fileTypeLabel('README')).toBe('Fichier');
	});
});

describe('URL builder', () => {
	it('builds base-aware paths and absolute URLs', () => {
		const url = createUrlBuilder('https://presse.example.org/ignored', '/presse/');
		expect(url.path()).toBe('/presse/');
		expect(url.path('communiques', '2020-09-17-visite')).toBe('/presse/communiques/2020-09-17-visite/');
		expect(url.path('rss.xml')).toBe('/presse/rss.xml');
		expect(url.path('themes', 'réseaux')).toBe('/presse/themes/r%C3%A9seaux/');
		expect(url.absolute('og/site.png')).toBe('https://presse.example.org/presse/og/site.png');
		expect(url.toAbsolute('/presse/x/')).toBe('https://presse.example.org/presse/x/');
		expect(url.toAbsolute('mailto:a@b.fr')).toBe('mailto:a@b.fr');
		expect(createUrlBuilder('http://localhost:4321', '/').path('archives', 2020)).toBe('/archives/2020/');
	});

	it('normalises BASE_PATH and reads the environment', () => {
		expect(normalizeBase(undefined)).toBe('/');
		expect(normalizeBase('presse')).toBe('/presse/');
		expect(normalizeBase('/presse/')).toBe('/presse/');
		const resolved = resolveSettings(userSettings, {
			SITE_URL: 'https://a.example/',
			BASE_PATH: '/presse',
			RELAIS_BUILD_TIME: '2026-01-01T00:00:00Z',
		});
		expect(resolved.site).toBe('https://a.example');
		expect(resolved.base).toBe('/presse/');
		expect(resolved.buildTime.toISOString()).toBe('2026-01-01T00:00:00.000Z');
		expect(() => resolveSettings(userSettings, { SITE_URL: 'pas une url' })).toThrow('SITE_URL');
	});

	it('prefixes root-relative Markdown links with the base', () => {
		expect(withBase('/rencontres/x/', '/presse/')).toBe('/presse/rencontres/x/');
		expect(withBase('/presse/x/', '/presse/')).toBe('/presse/x/');
		expect(withBase('https://a.example/x', '/presse/')).toBe('https://a.example/x');
		expect(withBase('//cdn.example/x', '/presse/')).toBe('//cdn.example/x');
		expect(withBase('/x/', '/')).toBe('/x/');
	});
});

describe('ids', () => {
	it('uses the file name, or the folder of an index file', () => {
		expect(entryIdFromPath('2020-09-17-visite.md')).toBe('2020-09-17-visite');
		expect(entryIdFromPath('2020-09-17-visite/index.mdx')).toBe('2020-09-17-visite');
		expect(entryIdFromPath('2020/Été-Visite.md')).toBe('Été-Visite');
	});
});

describe('themes', () => {
	it('merges spellings differing in case and accents under one slug', () => {
		expect(themeSlug("Réseaux d'entreprises")).toBe('reseaux-d-entreprises');
		const themes = groupByTheme(
			[{ tags: ['Industrie', 'RSE'] }, { tags: ['industrie'] }, { tags: ['industrie', 'Industrie'] }, { tags: ['industrie'] }],
			(entry) => entry.tags,
		);
		expect(themes.map((theme) => [theme.slug, theme.label, theme.entries.length])).toEqual([
			['industrie', 'industrie', 4],
			['rse', 'RSE', 1],
		]);
	});

	it('shows labels in French typography but keeps the slugs of the tags as written', () => {
		const themes = groupByTheme([{ tags: ["salon de l'emploi", 'objectif 10000 emplois'] }], (entry) => entry.tags);
		expect(themes.map((theme) => [theme.slug, theme.label])).toEqual([
			['objectif-10000-emplois', 'objectif 10\u202f000 emplois'],
			['salon-de-l-emploi', 'salon de l’emploi'],
		]);
	});
});

describe('escaping and text', () => {
	it('escapes JSON-LD so it cannot close its script element', () => {
		const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>&\u2028' });
		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>&\u2028');
	});

	it('makes feed links absolute', () => {
		expect(
			absolutizeHtml(
				'<a href="/x/">x</a><img src="/a.png" srcset="/a.png 1x, /b.png 2x"><a href="https://o.example/">o</a>',
				'https://s.example/z',
			),
		).toBe(
			'<a href="https://s.example/x/">x</a><img src="https://s.example/a.png" srcset="https://s.example/a.png 1x, https://s.example/b.png 2x"><a href="https://o.example/">o</a>',
		);
	});

	it('derives plain text and cuts at word boundaries', () => {
		expect(markdownToPlainText('## Titre\n\nUn **texte** avec [un lien](/x/) et <Citation auteur="A">cit</Citation>.')).toBe(
			'Titre Un texte avec un lien et cit .',
		);
		expect(truncate('Un texte assez long pour être coupé', 20)).toBe('Un texte assez long…');
	});

	it('paginates', () => {
		expect(paginate([1, 2, 3], 2)).toEqual([
			{ number: 1, items: [1, 2] },
			{ number: 2, items: [3] },
		]);
		expect(paginate([], 10)).toEqual([{ number: 1, items: [] }]);
	});
});

describe('t', () => {
	it('has every string already in French typography, as the content is', () => {
		const untypeset = Object.entries(fr).filter(([, text]) => frenchTypography(text) !== text);
		expect(untypeset.map(([key, text]) => `${key}: ${frenchTypography(text)}`)).toEqual([]);
	});

	it('fills values and agrees the noun with the number as French does (0 and 1 singular)', () => {
		expect(t('photos.count', { count: 0 })).toBe('0 photo');
		expect(t('photos.count', { count: 1 })).toBe('1 photo');
		expect(t('photos.count', { count: 24 })).toBe('24 photos');
		expect(t('organisations.count', { count: 1, meetings: 3 })).toBe('1 personne, 3 rencontres organisées');
		expect(t('contentErrors.intro', { count: 2 })).toMatch(/^2 erreurs empêchent d’afficher le site\./);
		expect(t('contentErrors.field', { field: 'title' })).toBe('champ «\u00a0title\u00a0»');
	});
});
