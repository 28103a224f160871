/**
 * `npm run dev` with invalid content: the page listing the errors (escaped,
 * with the fix), and the loader that keeps the preview running.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentErrorsPage } from '../../src/authoring/errors-page';
import { previewLoader } from '../../src/content/preview-loader';

describe('the page of content errors', () => {
	const page = contentErrorsPage(
		[
			{
				severity: 'error',
				file: 'content/communiques/a.md',
				line: 2,
				field: 'title',
				message: 'le texte contient deux-points « : » : mettez-le entre guillemets droits.',
				fix: 'title: "<b>Alès</b> : une rencontre"',
			},
			{ severity: 'warning', file: 'content/communiques/b.md', field: 'tags', message: 'le thème « RSE » s’écrit aussi « rse »' },
		],
		'/presse/@vite/client',
	);

	it('lists file, line, field, message and the corrected line, in French', () => {
		expect(page).toContain('<html lang="fr">');
		expect(page).toContain('<h1>Contenu à corriger</h1>');
		expect(page).toContain('1 erreur empêche d’afficher le site.');
		expect(page).toContain('<code>content/communiques/a.md:2</code></strong> — champ «\u00a0title\u00a0»');
		expect(page).toContain('<p>le texte contient deux-points « : » : mettez-le entre guillemets droits.</p>');
		expect(page).toContain('<pre><code>title: &quot;&lt;b&gt;Alès&lt;/b&gt; : une rencontre&quot;</code></pre>');
		expect(page).toContain('Avertissements (n’empêchent pas la publication)');
	});

	it('loads the dev server client, which reloads it once the content is fixed', () => {
		expect(page).toContain('<script type="module" src="/presse/@vite/client"></script>');
	});
});

/** A loader that reads `entries` through the context, as Astro's glob loader does. */
function fakeLoader(
	entries: Array<{ data: Record<string, unknown>; contents: string }>,
	seen: unknown[],
	watch?: (context: LoaderContext) => void,
): Loader {
	return {
		name: 'fake',
		load: async (context) => {
			watch?.(context);
			const reader = (
				context as LoaderContext & {
					entryTypes: Map<string, { getEntryInfo(options: { contents: string }): Promise<{ data: Record<string, unknown> }> }>;
				}
			).entryTypes.get('.md');
			for (const entry of entries) {
				const info = await reader!.getEntryInfo({ contents: entry.contents });
				seen.push(await context.parseData({ id: 'x', data: { ...info.data, ...entry.data } }));
			}
			context.logger.warn('The base directory "/x/temoignages/" does not exist.');
			context.logger.error('Failed to reload x.md: bad indentation');
		},
	};
}

function fakeContext() {
	const logger = { warn: vi.fn(), error: vi.fn(), debug: vi.fn(), info: vi.fn() };
	const context = {
		logger,
		parseData: async ({ data }: { data: Record<string, unknown> }) => {
			if (!data.title) throw new Error('title: Required');
			return data;
		},
		entryTypes: new Map([
			[
				'.md',
				{
					getEntryInfo: async ({ contents }: { contents: string }) => {
						if (contents.includes('\t')) throw new Error('bad indentation of a mapping entry');
						return { data: {}, body: contents };
					},
				},
			],
		]),
	};
	return { context: context as unknown as LoaderContext, logger };
}

describe('the preview loader', () => {
	it('in the preview, loads invalid entries as they are at start-up instead of stopping the server, and stays quiet', async () => {
		const seen: unknown[] = [];
		const { context, logger } = fakeContext();
		await previewLoader(
			fakeLoader(
				[
					{ data: { title: 'T' }, contents: 'ok' },
					{ data: {}, contents: 'ok' },
					{ data: { title: 'T' }, contents: '\t' },
				],
				seen,
			),
			true,
		).load(context);
		expect(seen).toEqual([{ title: 'T' }, {}, { title: 'T' }]);
		expect(logger.warn).not.toHaveBeenCalled();
		expect(logger.error).not.toHaveBeenCalled();
		expect(logger.debug).toHaveBeenCalledTimes(2);
	});

	it('once started, lets a failed reload fail: Astro keeps the last good version', async () => {
		let watching: LoaderContext | undefined;
		const { context } = fakeContext();
		await previewLoader(
			fakeLoader([], [], (started) => (watching = started)),
			true,
		).load(context);
		await expect(watching!.parseData({ id: 'x', data: {} })).rejects.toThrow('title: Required');
	});

	it('in a build, changes nothing but the warning about an empty collection', async () => {
		const { context, logger } = fakeContext();
		await expect(previewLoader(fakeLoader([{ data: {}, contents: 'ok' }], []), false).load(context)).rejects.toThrow('title: Required');
		const quiet = fakeContext();
		await previewLoader(fakeLoader([], []), false).load(quiet.context);
		expect(quiet.logger.warn).not.toHaveBeenCalled();
		expect(quiet.logger.error).toHaveBeenCalledWith('Failed to reload x.md: bad indentation');
		expect(logger.debug).not.toHaveBeenCalled();
	});
});
