/**
 * Accessibility in a real browser: axe-core on every page type of the sample
 * content (the `site` fixture, a copy of `content/` with every type), in the light and the dark colour
 * scheme, must report no WCAG 2.1 A/AA violation (nor landmark, heading-order
 * or skip-link problem); every focusable element shows a visible focus; and
 * the search page works with the keyboard alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, pageTypes } from '../helpers/axe';
import { fixtureContent } from '../helpers/build';
import { useServedSite } from '../helpers/served-site';
import { statusMatching } from '../helpers/search';

const CONTENT = fixtureContent('site');
const QUERY = 'entreprises';

const site = useServedSite(CONTENT);

async function open(relative: string, colorScheme: 'light' | 'dark'): Promise<{ page: Page; problems: string[] }> {
	const { page, problems } = await site.browser.newPage();
	await page.emulateMedia({ colorScheme });
	await page.goto(new URL(relative, site.server.url).href, { waitUntil: 'load' });
	if (relative.startsWith('recherche/?q=')) await statusMatching(page, /résultats? pour/);
	return { page, problems };
}

describe('axe-core: no WCAG 2.1 A/AA violation', () => {
	it('on every page type, in the light and the dark colour scheme', async () => {
		const pages = pageTypes(site.outDir, CONTENT, QUERY);
		expect(pages.length).toBeGreaterThanOrEqual(17);
		const failures: string[] = [];
		let checked = 0;
		// One tab for every page: each is checked light, then switched to dark and checked again.
		const { page } = await site.browser.newPage();
		for (const [label, relative] of pages) {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(new URL(relative, site.server.url).href, { waitUntil: 'load' });
			if (relative.startsWith('recherche/?q=')) await statusMatching(page, /résultats? pour/);
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
				const violations = await axeViolations(page);
				checked += 1;
				if (violations.length > 0) failures.push(`── ${label} (/${relative}, ${colorScheme})\n${describeViolations(violations)}`);
			}
		}
		await page.close();
		expect(checked).toBe(pages.length * 2);
		expect(failures.join('\n'), failures.join('\n')).toBe('');
	});
});

/** Tabs through the page and describes every focused element that shows no focus indicator. */
async function invisibleFocus(page: Page, steps: number): Promise<string[]> {
	const invisible: string[] = [];
	for (let step = 0; step < steps; step += 1) {
		await page.keyboard.press('Tab');
		const state = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			if (!element || element === document.body) return null;
			const style = getComputedStyle(element);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
			const shadow = style.boxShadow !== 'none';
			const label = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} « ${(element.textContent || element.getAttribute('aria-label') || (element as HTMLInputElement).name || '').trim().slice(0, 40)} »`;
			return { label, visible: outline || shadow };
		});
		if (state === null) break; // back to the top
		if (!state.visible) invisible.push(state.label);
	}
	return invisible;
}

describe('keyboard', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`shows a visible focus on every focusable element (home and search, ${colorScheme})`, async () => {
			for (const relative of ['', `recherche/?q=${QUERY}`]) {
				const { page } = await open(relative, colorScheme);
				expect(await invisibleFocus(page, 60), `/${relative}`).toEqual([]);
				await page.close();
			}
		});
	}

	it('uses the search page with the keyboard alone: skip link, field, Enter, results', async () => {
		const { page, problems } = await open('recherche/', 'light');
		const focused = () =>
			page.evaluate(() => {
				const element = document.activeElement;
				return {
					id: element?.id ?? '',
					tag: element?.tagName.toLowerCase() ?? '',
					className: element?.className ?? '',
					href: element?.getAttribute('href') ?? '',
					inResults: Boolean(element?.closest('[data-results]')),
				};
			});

		// The first Tab reaches the skip link, which shows and moves focus to <main>.
		await page.keyboard.press('Tab');
		expect(await focused()).toMatchObject({ tag: 'a', className: 'skip-link', href: '#contenu' });
		expect(await page.locator('.skip-link').evaluate((link) => link.getBoundingClientRect().top >= 0)).toBe(true);
		await page.keyboard.press('Enter');
		expect(await focused()).toMatchObject({ tag: 'main', id: 'contenu' });

		// Tab from <main> reaches the search field.
		let reached = false;
		for (let step = 0; step < 10 && !reached; step += 1) {
			await page.keyboard.press('Tab');
			reached = (await focused()).id === 'recherche-mots';
		}
		expect(reached, 'the search field is reachable with Tab from the main content').toBe(true);

		// Typing and Enter shows results.
		await page.keyboard.type(QUERY);
		await page.keyboard.press('Enter');
		const status = await statusMatching(page, /^\d+ résultats? pour/);
		expect(status).toContain(QUERY);
		expect(await page.locator('[data-results] > li').count()).toBeGreaterThan(0);

		// The result links are reachable with Tab.
		let inResults = false;
		for (let step = 0; step < 80 && !inResults; step += 1) {
			await page.keyboard.press('Tab');
			inResults = (await focused()).inResults;
		}
		expect(inResults, 'a result link is reachable with Tab').toBe(true);
		const link = await focused();
		expect(link.tag).toBe('a');
		await page.keyboard.press('Enter');
		await page.waitForURL((target) => target.pathname === new URL(link.href, site.server.url).pathname);
		expect(await page.locator('h1').count()).toBe(1);
		expect(problems).toEqual([]);
	});
});
