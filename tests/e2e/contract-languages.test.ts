/**
 * An entry in another language and the entry it translates (the
 * `contract-languages` fixture) in a real browser: axe-core finds no WCAG 2.1
 * A/AA violation (nor landmark or language problem) on either page, whose
 * interface is French inside an English page.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from '../helpers/axe';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('contract-languages');

describe('pages of an entry and of its translation', () => {
	it.each([
		['communiques/2025-05-10-visite-usine/', 'fr'],
		['communiques/2025-05-20-factory-visit/', 'en'],
	])('/%s: no accessibility violation, in its language', async (relative, lang) => {
		const { page } = await site.browser.newPage();
		await page.goto(new URL(relative, site.server.url).href, { waitUntil: 'load' });
		expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
		// The language each part of the page is read in: the closest `lang` above it.
		const spoken = await page.evaluate(() =>
			['.site-header', 'main h1', '.site-footer'].map((selector) =>
				document.querySelector(selector)?.closest('[lang]')?.getAttribute('lang'),
			),
		);
		expect(spoken).toEqual(['fr', lang, 'fr']);
		const violations = await axeViolations(page);
		expect(violations, describeViolations(violations)).toEqual([]);
		await page.close();
	});
});
