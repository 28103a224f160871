/**
 * `relais()` (src/relais.ts), the one integration of astro.config.mjs: what it
 * asks Astro for through `updateConfig`, from the settings it is given, and
 * the `virtual:relais/dev-server` module that tells pages and content loaders
 * whether Astro runs `astro dev`. The builds (tests/build/) check the result.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { relais } from '../../src/relais';
import { defineSettings, resolveSettings } from '../../src/settings/resolve';

const settings = resolveSettings(
	defineSettings({ name: 'Relais', description: 'Salle de presse' }),
	{ SITE_URL: 'https://presse.example.org', BASE_PATH: 'presse', RELAIS_CONTENT_DIR: mkdtempSync(path.join(tmpdir(), 'relais-config-')) },
	new Date('2026-03-01T12:00:00Z'),
);

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/** What `relais()` passes to `updateConfig` when Astro runs `command`. */
function configFor(command: 'dev' | 'build') {
	const updates: Array<Record<string, any>> = [];
	const setup = relais(settings).hooks['astro:config:setup'] as Setup;
	void setup({ command, updateConfig: (update: Record<string, any>) => updates.push(update) } as unknown as Parameters<Setup>[0]);
	expect(updates).toHaveLength(1);
	return updates[0]!;
}

/** The source Vite gets for `virtual:relais/dev-server` under `command`. */
function devServerSource(command: 'dev' | 'build'): unknown {
	const plugin = (configFor(command).vite.plugins as Plugin[]).find((candidate) => candidate.name === 'relais:dev-server')!;
	const call = <T>(hook: unknown, ...args: unknown[]) => (hook as (...args: unknown[]) => T).call({}, ...args);
	const id = call<string>(plugin.resolveId, 'virtual:relais/dev-server', undefined, {});
	expect(call(plugin.resolveId, './settings', undefined, {})).toBeUndefined();
	return call(plugin.load, id);
}

describe('relais()', () => {
	it('sets the site, the base path and the options the pages rely on', () => {
		const config = configFor('build');
		expect(config).toMatchObject({
			site: 'https://presse.example.org',
			base: '/presse/',
			trailingSlash: 'ignore',
			build: { inlineStylesheets: 'never', concurrency: 8 },
			image: { layout: 'constrained' },
			experimental: { incrementalBuild: true },
		});
		expect(typeof config.markdown.processor.createRenderer).toBe('function');
	});

	it('installs every integration, in the order their build hooks must run', () => {
		expect(configFor('build').integrations.map((integration: AstroIntegration) => integration.name)).toEqual([
			'relais:content-check',
			'@astrojs/mdx',
			'@astrojs/sitemap',
			'relais-cards',
			'relais-unpublished-images',
			'relais:search',
		]);
	});

	it('tells the site’s modules whether Astro runs the dev server, from Astro’s command alone', () => {
		expect(devServerSource('dev')).toBe('export const devServer = true;');
		expect(devServerSource('build')).toBe('export const devServer = false;');
	});
});
