/**
 * Builds the `core` fixture with the real build and reads the output: pages at
 * the contract's URLs, feeds, sitemap, escaping, and nothing of drafts or
 * scheduled entries anywhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

let site: BuildResult;
beforeAll(() => {
	site = buildSite({ fixture: 'core' });
	if (!site.ok) throw new Error(site.output);
});

const html = (file: string) => parse(readOutput(site.outDir, file));

describe('the build log', () => {
	it('has no warning an author cannot act on (MDX directive, lookups of ids in the wrong collection)', () => {
		expect(site.output).not.toContain('[WARN]');
	});
});

describe('entry pages', () => {
	it.each([
		['communiques/2020-09-17-visite/index.html', 'Visite du directeur du programme Territoires d’industrie'],
		['rencontres/2020-02-15-rencontre-reseaux/index.html', 'Première rencontre des réseaux alésiens'],
		['rencontres/2020-06-16-lancement-mende/index.html', 'Lancement du groupe RSE à Mende'],
		['temoignages/2020-02-20-christophe-meyrueis/index.html', 'Christophe Meyrueis'],
	])('%s is French and has its title in <h1>', (file, title) => {
		const page = html(file);
		expect(page.querySelector('html')?.getAttribute('lang')).toBe('fr');
		expect(page.querySelector('h1')?.text.trim()).toBe(title);
	});

	it('shows everything a press release holds', () => {
		const text = html('communiques/2020-09-17-visite/index.html').text.replace(/\s+/g, ' ');
		expect(text).toContain('71.20 - PRESSE');
		expect(text).toContain('21 septembre 2020, de 12 h 15 à 14 h');
		expect(text).toContain('Pôle Mécanique d’Alès, salle Hospitality');
		expect(text).toContain('1 route de Montpellier');
		expect(text).toContain('Claire Vidal');
		expect(text).toMatch(/Programme de la visite \(TXT – 1,\d Kio\)/);
		const page = html('communiques/2020-09-17-visite/index.html');
		expect(page.querySelector('a[href="mailto:presse@ales-agglo.example"]')).not.toBeNull();
		expect(page.querySelector('a[href="tel:0466000012"]')).not.toBeNull();
		const download = page.querySelector('.attachments a')?.getAttribute('href') ?? '';
		expect(download).toBe('/communiques/2020-09-17-visite/fichiers/programme.txt');
		const copied = readFileSync(path.join(site.outDir, download));
		const original = readFileSync(path.resolve('tests/fixtures/core/content/communiques/2020-09-17-visite/programme.txt'));
		expect(copied.equals(original)).toBe(true);
	});

	it('shows speakers, organisers, key figures and the testimonials of a rencontre', () => {
		const page = html('rencontres/2020-02-15-rencontre-reseaux/index.html');
		const text = page.text.replace(/\s+/g, ' ');
		expect(text).toContain('Leader Alès');
		expect(text).toContain('Annick Le Lan');
		expect(text).toContain('15 000');
		expect(page.querySelector('a[href="/temoignages/2020-02-20-christophe-meyrueis/"]')).not.toBeNull();
	});

	it('links a testimonial to its rencontre and derives its title', () => {
		const page = html('temoignages/2020-02-20-christophe-meyrueis/index.html');
		expect(page.querySelector('a[href="/rencontres/2020-02-15-rencontre-reseaux/"]')).not.toBeNull();
		expect(page.querySelector('title')?.text).toContain('Christophe Meyrueis, Leader Alès');
		const derived = html('temoignages/2021-06-30-pierre-bonnefoy/index.html');
		expect(derived.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(/^J’avais besoin de me rassurer/);
	});

	it('renders MDX components', () => {
		const page = html('rencontres/2020-06-16-lancement-mende/index.html');
		expect(page.querySelector('figure.citation figcaption')?.text).toContain('Cyril Charbonnel');
		expect(page.querySelector('.key-figures__value')?.text).toBe('8');
		// The event card of a published rencontre; the scheduled entry's card renders nothing.
		const cards = page.querySelectorAll('.event-card');
		expect(cards).toHaveLength(1);
		expect(cards[0]?.querySelector('a')?.getAttribute('href')).toBe('/rencontres/2020-02-15-rencontre-reseaux/');
		expect(cards[0]?.text.replace(/\s+/g, ' ')).toContain('15 février 2020 à 18 h 30 – Pôle Mécanique Alès-Cévennes, Alès');
	});

	it('carries SEO, sharing and feed discovery tags on every page', () => {
		for (const file of listFiles(site.outDir).filter((name) => name.endsWith('.html'))) {
			const page = html(file);
			expect(page.querySelector('html')?.getAttribute('lang'), file).toBe('fr');
			expect(page.querySelector('link[rel="alternate"][type="application/rss+xml"]'), file).not.toBeNull();
			expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content'), file).toMatch(
				/^https:\/\/presse\.example\.org\/og\/.+\.png$/,
			);
			if (file !== '404.html') {
				expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toMatch(/^https:\/\/presse\.example\.org\//);
			}
		}
	});

	it('has a JSON-LD NewsArticle and an Event', () => {
		const page = html('communiques/2020-09-17-visite/index.html');
		const data = page.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent));
		expect(data.map((item) => item['@type'])).toEqual(['NewsArticle', 'Event']);
		expect(data[1].startDate).toBe('2020-09-21T12:15+02:00');
		expect(data[1].location.address.addressLocality).toBe('Alès');
	});
});

describe('lists', () => {
	it('paginates a collection newest first', () => {
		const first = html('communiques/index.html');
		const titles = first.querySelectorAll('.entry-card__title').map((node) => node.text.trim());
		expect(titles).toHaveLength(10);
		expect(titles[0]).toContain('</script>');
		expect(titles[1]).toBe('Visite du directeur du programme Territoires d’industrie');
		const second = html('communiques/page/2/index.html');
		expect(second.querySelectorAll('.entry-card__title').map((node) => node.text.trim())).toEqual([
			'Communiqué de série numéro 02',
			'Communiqué de série numéro 01',
		]);
		expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/communiques/page/2/');
	});

	it('groups themes across case and accents, with a page and a feed each', () => {
		const theme = html('themes/industrie/index.html');
		const titles = theme.querySelectorAll('.entry-card__title').map((node) => node.text.trim());
		expect(titles).toContain('Première rencontre des réseaux alésiens');
		expect(titles).toContain('Visite du directeur du programme Territoires d’industrie');
		const feed = xml.parse(readOutput(site.outDir, 'themes/industrie/rss.xml'));
		expect(asArray(feed.rss.channel.item)).toHaveLength(3);
		expect(html('themes/index.html').querySelector('a[href="/themes/reseaux-d-entreprises/"]')).not.toBeNull();
	});

	it('archives by year', () => {
		const years = html('archives/index.html')
			.querySelectorAll('.year-index a')
			.map((a) => a.getAttribute('href'));
		expect(years).toEqual(['/archives/2021/', '/archives/2020/', '/archives/2019/']);
		expect(html('archives/2019/index.html').querySelectorAll('.entry-card')).toHaveLength(10);
	});

	it('has a home page and a French 404', () => {
		const home = html('index.html');
		expect(home.querySelector('h1')).not.toBeNull();
		expect(html('404.html').querySelector('h1')?.text).toBe('Page introuvable');
	});
});

describe('feeds', () => {
	it('publishes RSS 2.0 for everything and per collection, newest first, with full content', () => {
		const all = xml.parse(readOutput(site.outDir, 'rss.xml'));
		expect(all.rss['@version']).toBe('2.0');
		expect(all.rss.channel.language).toBe('fr-FR');
		expect(all.rss.channel['atom:link']['@href']).toBe('https://presse.example.org/rss.xml');
		const items = asArray(all.rss.channel.item);
		expect(items).toHaveLength(16);
		const dates = items.map((item: { pubDate: string }) => Date.parse(item.pubDate));
		expect([...dates].sort((a, b) => b - a)).toEqual(dates);
		const visit = items.find((item: { link: string }) => item.link.endsWith('/communiques/2020-09-17-visite/'));
		expect(new Date(visit.pubDate).toISOString()).toBe('2020-09-17T08:00:00.000Z');
		expect(visit.guid['#text']).toBe('https://presse.example.org/communiques/2020-09-17-visite/');
		expect(visit['content:encoded']).toContain('zygomorphe');
		expect(visit['content:encoded']).toContain('href="https://presse.example.org/rencontres/2020-02-15-rencontre-reseaux/"');
		expect(asArray(visit.category)).toContain('industrie');
		for (const [collection, count] of [
			['communiques', 12],
			['rencontres', 2],
			['temoignages', 2],
		] as const) {
			const feed = xml.parse(readOutput(site.outDir, `${collection}/rss.xml`));
			expect(asArray(feed.rss.channel.item), collection).toHaveLength(count);
		}
	});

	it('renders MDX bodies in feeds', () => {
		const feed = xml.parse(readOutput(site.outDir, 'rencontres/rss.xml'));
		const mdx = asArray(feed.rss.channel.item).find((item: { link: string }) => item.link.includes('lancement-mende'));
		expect(mdx['content:encoded']).toContain('Une forte dynamique de groupe.');
	});
});

describe('sitemap and robots', () => {
	it('lists every published page and nothing else', () => {
		const index = xml.parse(readOutput(site.outDir, 'sitemap-index.xml'));
		const urls = asArray(index.sitemapindex.sitemap).flatMap((entry: { loc: string }) => {
			const file = new URL(entry.loc).pathname.slice(1);
			return asArray(xml.parse(readOutput(site.outDir, file)).urlset.url).map((url: { loc: string }) => url.loc);
		});
		expect(urls).toContain('https://presse.example.org/communiques/2020-09-17-visite/');
		expect(urls).toContain('https://presse.example.org/temoignages/2021-06-30-pierre-bonnefoy/');
		expect(urls.some((url: string) => url.includes('brouillon') || url.includes('2099'))).toBe(false);
		expect(readOutput(site.outDir, 'robots.txt')).toContain('Sitemap: https://presse.example.org/sitemap-index.xml');
	});
});

describe('publishing rules', () => {
	it('leaves no trace of drafts and scheduled entries in any file', () => {
		const secrets = [
			'palimpsestedraft',
			'quintessence',
			'secretdraft',
			'chronogrammefutur',
			'secretscheduled',
			'2021-02-01-brouillon',
			'2099-01-01-programme',
			'Salle secrète',
		];
		for (const file of listFiles(site.outDir)) {
			expect(file).not.toMatch(/brouillon|2099/);
			const content = readFileSync(path.join(site.outDir, file)).toString('latin1');
			const utf8 = readFileSync(path.join(site.outDir, file), 'utf8');
			for (const secret of secrets) {
				expect(utf8.includes(secret) || content.includes(secret), `${secret} in ${file}`).toBe(false);
			}
		}
	});
});

describe('escaping', () => {
	it('escapes a hostile title in HTML, JSON-LD and feeds', () => {
		const file = 'communiques/2021-01-05-hostile/index.html';
		const source = readOutput(site.outDir, file);
		const page = parse(source);
		// Markup in the title stays text: no element is injected (attribute values may hold `<`, quoted).
		expect(page.querySelectorAll('script').every((script) => script.getAttribute('type') === 'application/ld+json')).toBe(true);
		expect(page.querySelectorAll('img[onerror], b')).toHaveLength(0);
		expect(source).toContain('<h1>&lt;/script&gt;&lt;script&gt;');
		expect(page.querySelector('h1')?.text).toBe("</script><script>alert('titre')</script> \"><img src=x onerror=alert(1)> & Cie");
		const ld = page.querySelectorAll('script[type="application/ld+json"]');
		expect(ld).toHaveLength(1);
		expect(ld[0]?.textContent).not.toMatch(/<\/?script/i);
		expect(JSON.parse(ld[0]?.textContent ?? '').headline).toContain('</script>');
		const feed = readOutput(site.outDir, 'rss.xml');
		expect(feed).not.toContain('<script>');
		const item = asArray(xml.parse(feed).rss.channel.item).find((entry: { link: string }) => entry.link.includes('hostile'));
		expect(item.title).toContain("</script><script>alert('titre')</script>");
	});
});

describe('base path', () => {
	let based: BuildResult;
	beforeAll(() => {
		based = buildSite({ fixture: 'core', env: { BASE_PATH: '/presse' } });
		if (!based.ok) throw new Error(based.output);
	});

	it('keeps every internal link, asset, feed and card under /presse/', () => {
		const badRefs: string[] = [];
		for (const file of listFiles(based.outDir).filter((name) => name.endsWith('.html'))) {
			const page = parse(readOutput(based.outDir, file));
			for (const node of page.querySelectorAll('[href], [src], [srcset], [action]')) {
				for (const attr of ['href', 'src', 'action']) {
					const value = node.getAttribute(attr);
					if (value?.startsWith('/') && !value.startsWith('/presse/')) badRefs.push(`${file}: ${attr}=${value}`);
					if (value?.startsWith('https://presse.example.org/') && !value.startsWith('https://presse.example.org/presse/'))
						badRefs.push(`${file}: ${attr}=${value}`);
				}
			}
			for (const meta of page.querySelectorAll('meta[property="og:image"], link[rel="canonical"]')) {
				const value = meta.getAttribute('content') ?? meta.getAttribute('href') ?? '';
				if (!value.startsWith('https://presse.example.org/presse/')) badRefs.push(`${file}: ${value}`);
			}
		}
		expect(badRefs).toEqual([]);
		const feed = xml.parse(readOutput(based.outDir, 'rss.xml'));
		expect(feed.rss.channel['atom:link']['@href']).toBe('https://presse.example.org/presse/rss.xml');
		for (const item of asArray(feed.rss.channel.item) as Array<{ link: string }>) {
			expect(item.link.startsWith('https://presse.example.org/presse/')).toBe(true);
		}
		const visit = (asArray(feed.rss.channel.item) as Array<{ link: string; 'content:encoded': string }>).find((item) =>
			item.link.endsWith('/2020-09-17-visite/'),
		);
		expect(visit?.['content:encoded']).toContain('href="https://presse.example.org/presse/rencontres/2020-02-15-rencontre-reseaux/"');
	});
});
