/** The site-wide URL builder and formatting bound to the settings. */
import { settings } from '../settings/settings';
import { formatContentDate, formatEventSpan, machineDate, type ContentDate } from '../text/dates';
import { createUrlBuilder } from './urls';

export const url = createUrlBuilder(settings.site, settings.base);

/** True under `astro dev` (told by `relais()`, src/relais.ts): drafts are previewed, the page CSP is off (Vite injects inline code). */
export { devServer } from 'virtual:relais/dev-server';

/** « 21 septembre 2020 à 12 h 15 » in the site's zone. */
export const frenchDate = (date: ContentDate) => formatContentDate(date, settings.timeZone, settings.locale);

/** Value of `<time datetime>`. */
export const isoDate = (date: ContentDate) => machineDate(date, settings.timeZone);

/** An event's span in French. */
export const eventSpan = (start: ContentDate, end?: ContentDate) => formatEventSpan(start, end, settings.timeZone, settings.locale);
