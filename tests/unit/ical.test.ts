import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { parseContentDate } from '../../src/text/dates';
import { buildCalendar, eventLocation, eventUid, type CalendarEvent } from '../../src/calendar/ical';

const TZ = 'Europe/Paris';
const date = (value: string) => {
	const parsed = parseContentDate(value, TZ);
	if (!parsed) throw new Error(value);
	return parsed;
};
const options = { name: 'Relais, agenda; test', timeZone: TZ, product: 'Relais' };
const base: CalendarEvent = {
	uid: 'communiques-a@presse.example.org',
	summary: 'Soirée, « réseaux »; édition 1',
	description: `Première ligne\nSeconde ligne, avec une virgule; et un point-virgule. ${'Texte long accentué é à ç. '.repeat(8)}`,
	start: date('2099-06-15T18:30'),
	end: date('2099-06-15T21:00'),
	location: 'Salle A, bâtiment B; étage 2, Alès',
	url: 'https://presse.example.org/communiques/a/',
	lastModified: new Date('2026-03-01T12:00:00Z'),
};
const parseEvents = (text: string) =>
	Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === 'VEVENT');

describe('eventLocation and eventUid', () => {
	it('joins place, address and city, leaving out what is missing', () => {
		expect(eventLocation({ place: 'Salle A', address: '1 rue X', city: 'Alès' })).toBe('Salle A, 1 rue X, Alès');
		expect(eventLocation({ place: 'Salle A', city: 'Alès' })).toBe('Salle A, Alès');
	});
	it('builds a UID from the entry and the host', () => {
		expect(eventUid('rencontres', '2020-02-15-x', 'https://presse.example.org')).toBe('rencontres-2020-02-15-x@presse.example.org');
	});
});

describe('buildCalendar', () => {
	const text = buildCalendar(options, [base]);

	it('writes wall-clock times in the zone with its VTIMEZONE, DTSTAMP in UTC', () => {
		expect(text).toContain('DTSTART;TZID=Europe/Paris:20990615T183000\r\n');
		expect(text).toContain('DTEND;TZID=Europe/Paris:20990615T210000\r\n');
		expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
		expect(text).toContain('DTSTAMP:20260301T120000Z\r\n');
		expect(text).toContain('LAST-MODIFIED:20260301T120000Z\r\n');
		const [event] = parseEvents(text);
		expect(event?.start.toISOString()).toBe('2099-06-15T16:30:00.000Z');
	});

	it('escapes TEXT values, the calendar name included, and parses back to the original', () => {
		const unfolded = text.replace(/\r\n[ \t]/g, '');
		expect(unfolded).toContain('LOCATION:Salle A\\, bâtiment B\\; étage 2\\, Alès\r\n');
		expect(unfolded).toContain('X-WR-CALNAME:Relais\\, agenda\\; test\r\n');
		const [event] = parseEvents(text);
		expect(String(event?.location)).toBe(base.location);
		expect(String(event?.summary)).toBe(base.summary);
		expect(String(event?.description)).toBe(base.description);
	});

	it('folds every line at 75 octets and ends every line with CRLF', () => {
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		const lines = text.split('\r\n');
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	});

	it('makes date-only events all-day, with an exclusive end', () => {
		const allDay = buildCalendar(options, [{ ...base, start: date('2099-04-20'), end: date('2099-04-21') }]);
		expect(allDay).toContain('DTSTART;VALUE=DATE:20990420\r\nDTEND;VALUE=DATE:20990422\r\n');
		const single = buildCalendar(options, [{ ...base, start: date('2099-04-20'), end: undefined }]);
		expect(single).toContain('DTSTART;VALUE=DATE:20990420\r\nDTEND;VALUE=DATE:20990421\r\n');
		expect(single).not.toContain('BEGIN:VTIMEZONE');
		expect(parseEvents(allDay)[0]?.datetype).toBe('date');
	});

	it('ends a timed event with a date-only end at the end of that day', () => {
		const text = buildCalendar(options, [{ ...base, end: date('2099-06-16') }]);
		expect(text).toContain('DTEND;TZID=Europe/Paris:20990617T000000\r\n');
	});

	it('is stable: same input, same text', () => {
		expect(buildCalendar(options, [base])).toBe(text);
	});

	it('stamps each event with its last change, not the clock, and sends no METHOD (not a scheduling message)', () => {
		const older = buildCalendar(options, [
			base,
			{ ...base, uid: 'communiques-b@presse.example.org', lastModified: new Date('2025-01-02T03:04:05Z') },
		]);
		expect(older).toContain('DTSTAMP:20250102T030405Z\r\n');
		expect(older).not.toMatch(/^METHOD:/m);
	});
});
