/**
 * The one place the rest of the code reads settings from: `relais.config.ts`
 * validated, plus the build environment (src/lib/settings.ts).
 */
import userSettings from '../relais.config';
import { resolveSettings } from './lib/settings';

// Astro evaluates this module more than once in a build (for astro.config.mjs, then
// bundled with the pages): the first evaluation pins "now" so that all share one build
// time, and an entry scheduled for "now" is in or out of every output alike.
process.env.RELAIS_BUILD_TIME ||= new Date().toISOString();

export const settings = resolveSettings(userSettings, process.env);
