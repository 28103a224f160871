/**
 * Content dates: parsing the contract's `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM` values
 * in the site's time zone, and formatting them in French with `Intl`.
 */

/** A date from the frontmatter, resolved to an instant. */
export interface ContentDate {
	/** The instant: midnight in the site's zone for a plain date. */
	instant: Date;
	/** False for a plain date (`2020-09-17`): no time is shown. */
	hasTime: boolean;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: a build
// formats dates on every page, so each formatter is made once per options.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let cached = formatters.get(key);
	if (!cached) {
		cached = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, cached);
	}
	return cached;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** What the wall clock of `timeZone` shows at `instant` (month 1–12, hour 0–23). */
export function wallClock(instant: Date, timeZone: string) {
	const parts = formatter('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset in minutes of `timeZone` from UTC at `instant` (Paris in summer: 120). */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
	const clock = wallClock(instant, timeZone);
	const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock of `timeZone` shows the given local time. */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
	const naive = Date.UTC(year, month - 1, day, hour, minute);
	// Two passes settle the offset on both sides of a daylight-saving change.
	let offset = zoneOffsetMinutes(new Date(naive), timeZone);
	offset = zoneOffsetMinutes(new Date(naive - offset * 60000), timeZone);
	return new Date(naive - offset * 60000);
}

/**
 * Reads a frontmatter date. YAML already turns some values into `Date`
 * (a plain `2020-09-17` becomes UTC midnight): those keep their calendar day.
 * Returns `undefined` when the value is not a valid contract date.
 */
export function parseContentDate(value: unknown, timeZone: string): ContentDate | undefined {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		const isMidnightUtc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
		if (isMidnightUtc) {
			return {
				instant: zonedTimeToInstant(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 0, 0, timeZone),
				hasTime: false,
			};
		}
		return { instant: value, hasTime: true };
	}
	if (typeof value !== 'string') return undefined;
	const match = DATE_PATTERN.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, offset] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
	if (h === undefined) {
		return { instant: zonedTimeToInstant(year, month, day, 0, 0, timeZone), hasTime: false };
	}
	const hour = Number(h);
	const minute = Number(mi);
	if (hour > 23 || minute > 59) return undefined;
	if (offset) {
		const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
		const instant = new Date(iso);
		return Number.isNaN(instant.getTime()) ? undefined : { instant, hasTime: true };
	}
	return { instant: zonedTimeToInstant(year, month, day, hour, minute, timeZone), hasTime: true };
}

const NBSP = '\u00a0';

/** « 21 septembre 2020 » (« 1er octobre 2020 » on the first of the month); `locale` is a French one (`fr-FR`, `fr-BE`…). */
export function formatDate(instant: Date, timeZone: string, locale: string): string {
	const parts = formatter(locale, {
		timeZone,
		day: 'numeric',
		month: 'long',
		year: 'numeric',
	}).formatToParts(instant);
	return parts
		.map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
		.join('')
		.replace(/ /g, NBSP);
}

/** « 12 h 15 », « 9 h » (French typography, non-breaking spaces). */
function formatTime(instant: Date, timeZone: string): string {
	const parts = formatter('fr-FR', {
		timeZone,
		hour: 'numeric',
		minute: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(instant);
	const hour = Number(parts.find((part) => part.type === 'hour')?.value);
	const minute = parts.find((part) => part.type === 'minute')?.value ?? '00';
	return minute === '00' ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${minute}`;
}

/** « 21 septembre 2020 à 12 h 15 », or the date alone for a plain date. */
export function formatContentDate(date: ContentDate, timeZone: string, locale: string): string {
	const day = formatDate(date.instant, timeZone, locale);
	return date.hasTime ? `${day} à ${formatTime(date.instant, timeZone)}` : day;
}

/** Calendar key `YYYY-MM-DD` of an instant in the zone (for `datetime` attributes and comparisons). */
export function calendarDay(instant: Date, timeZone: string): string {
	return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The year of an instant in the zone. */
export function yearOf(instant: Date, timeZone: string): number {
	return Number(calendarDay(instant, timeZone).slice(0, 4));
}

/** Value for `<time datetime>`: `2020-09-21` or `2020-09-21T12:15+02:00`. */
export function machineDate(date: ContentDate, timeZone: string): string {
	const day = calendarDay(date.instant, timeZone);
	if (!date.hasTime) return day;
	const offset = zoneOffsetMinutes(date.instant, timeZone);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const time = formatter('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date.instant);
	return `${day}T${time}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A date for other programs (feeds): `2020-09-21`, or with its time `2020-09-21T12:15:00+02:00` (RFC 3339). */
export function isoDateTime(date: ContentDate, timeZone: string): string {
	return machineDate(date, timeZone).replace(/T(\d{2}:\d{2})(?=[+-])/, 'T$1:00');
}

/**
 * An event's span in French: « 21 septembre 2020 à 12 h 15 »,
 * « du 15 au 16 février 2020 », « 15 février 2020, de 18 h à 22 h ».
 */
export function formatEventSpan(start: ContentDate, end: ContentDate | undefined, timeZone: string, locale: string): string {
	if (!end) return formatContentDate(start, timeZone, locale);
	const sameDay = calendarDay(start.instant, timeZone) === calendarDay(end.instant, timeZone);
	if (sameDay) {
		const day = formatDate(start.instant, timeZone, locale);
		if (start.hasTime && end.hasTime) {
			return `${day}, de ${formatTime(start.instant, timeZone)} à ${formatTime(end.instant, timeZone)}`;
		}
		return formatContentDate(start, timeZone, locale);
	}
	return `du ${formatContentDate(start, timeZone, locale)} au ${formatContentDate(end, timeZone, locale)}`;
}

const FRENCH_MONTHS = [
	'janvier',
	'fevrier',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'aout',
	'septembre',
	'octobre',
	'novembre',
	'decembre',
];

/** `janv.`, `Février`, `aout` → 1–12; also the first four letters (`sept`, `dece`…). */
function frenchMonth(word: string): number | undefined {
	const key = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
	const index = FRENCH_MONTHS.findIndex((month) => month === key || (key.length >= 3 && month.startsWith(key)));
	return index === -1 ? undefined : index + 1;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The contract form of a date written the French way, for the error message:
 * `12/10/2021` → `2021-10-12`, `12 octobre 2021 à 18h30` → `2021-10-12T18:30`,
 * `2021-9-7` → `2021-09-07`. `undefined` when no real date can be read.
 */
export function suggestContentDate(value: string): string | undefined {
	const text = value.trim().replace(/\s+/g, ' ');
	const time = /(?:[ T]|,? à )(\d{1,2}) ?[h:H] ?(\d{2})?$/.exec(text);
	const day = time ? text.slice(0, time.index) : text;
	let parts: [number, number, number] | undefined;
	let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(day);
	if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
	match ??= /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(day);
	if (match && !parts) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
	const words = /^(?:le )?(\d{1,2})(?:er)? ([\p{L}.]+) (\d{4})$/iu.exec(day);
	const month = words ? frenchMonth(words[2] ?? '') : undefined;
	if (words && month) parts = [Number(words[3]), month, Number(words[1])];
	if (!parts) return undefined;
	const [year, monthNumber, dayNumber] = parts;
	const date = `${year}-${pad(monthNumber)}-${pad(dayNumber)}`;
	const hour = Number(time?.[1] ?? 0);
	const minute = Number(time?.[2] ?? 0);
	const suggestion = time ? `${date}T${pad(hour)}:${pad(minute)}` : date;
	// Whatever was read must be a real date and time (no 31 June, no 25 h).
	return parseContentDate(suggestion, 'UTC') ? suggestion : undefined;
}
