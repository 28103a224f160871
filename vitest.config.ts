import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				// Pure modules: quick, one file per core.
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
			},
			{
				test: {
					name: 'site',
					include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
					// After the unit files, so that real builds do not share the cores with them.
					sequence: { groupOrder: 1 },
					// Each (fixture, environment) built once for every file that reads it.
					globalSetup: ['tests/helpers/shared-builds.ts'],
					// Real Astro builds in child processes, browsers, a dev server: give them time.
					testTimeout: 180_000,
					hookTimeout: 300_000,
					// One file at a time: two Astro builds of one project at once break each other (they share
					// its `.astro/.prerender/`); incremental.test.ts runs its two builds side by side from two copies.
					maxWorkers: 1,
				},
			},
		],
	},
});
