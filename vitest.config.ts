import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Build tests run real Astro builds in child processes: give them time, and one file at a time.
		testTimeout: 180_000,
		hookTimeout: 300_000,
		fileParallelism: false,
	},
});
