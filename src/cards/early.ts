/**
 * The hand-off that lets cards be drawn while Astro still renders pages: the cards
 * integration offers a starter on `globalThis` for the length of a build, and the
 * endpoint that lists the cards (`src/pages/og/cards.json.ts`, rendered among the
 * first routes) calls it. The page bundle and the integration are separate module
 * instances, hence a global registered under a shared symbol rather than an import.
 */
import type { CardJob } from './types.ts';

const STARTER = Symbol.for('relais.cards.start');

type Starter = (jobs: CardJob[]) => void;
type WithStarter = typeof globalThis & { [STARTER]?: Starter };

/** Offers (or, with `undefined`, withdraws) the function that starts drawing `jobs`. */
export function offerCardStart(starter: Starter | undefined): void {
	(globalThis as WithStarter)[STARTER] = starter;
}

/** Starts drawing `jobs` if a build offered to; false otherwise (`astro dev`). */
export function startCardsEarly(jobs: CardJob[]): boolean {
	const starter = (globalThis as WithStarter)[STARTER];
	starter?.(jobs);
	return starter !== undefined;
}
