/**
 * The one place the rest of the code reads settings from: `relais.config.ts`
 * validated, plus the build environment.
 */
import userSettings from '../relais.config';
import { resolveSettings } from './lib/settings';

export const settings = resolveSettings(userSettings);
