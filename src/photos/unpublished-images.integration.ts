/**
 * Removes from the output the copies Astro makes of unpublished entries' images
 * (`src/photos/unpublished-images.ts`): drafts and scheduled entries appear in no output.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { removeUnpublishedImages, takeImageSources } from './unpublished-images.ts';

export function unpublishedImages(): AstroIntegration {
	let assets = '_astro';
	return {
		name: 'relais-unpublished-images',
		hooks: {
			'astro:config:done': ({ config }) => {
				assets = config.build.assets;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const sources = takeImageSources();
				if (!sources) return;
				const removed = await removeUnpublishedImages(path.join(fileURLToPath(dir), assets), sources);
				if (removed.length > 0) logger.info(`images d’entrées non publiées retirées de ${assets}/ : ${removed.length}`);
			},
		},
	};
}
