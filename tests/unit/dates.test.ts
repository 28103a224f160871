import { describe, expect, it } from 'vitest';
import {
	formatContentDate,
	formatEventSpan,
	isoDateTime,
	machineDate,
	parseContentDate,
	suggestContentDate,
	zonedTimeToInstant,
} from '../../src/text/dates';

const TZ = 'Europe/Paris';
const parse = (value: unknown) => {
	const date = parseContentDate(value, TZ);
	if (!date) throw new Error(`unparsed ${String(value)}`);
	return date;
};

describe('parseContentDate', () => {
	it('reads a naive date-time as Paris local time, summer and winter', () => {
		expect(parse('2020-09-21T12:15').instant.toISOString()).toBe('2020-09-21T10:15:00.000Z');
		expect(parse('2020-02-15T18:30').instant.toISOString()).toBe('2020-02-15T17:30:00.000Z');
	});

	it('reads a plain date as midnight in the zone, without a time', () => {
		const date = parse('2020-09-17');
		expect(date.hasTime).toBe(false);
		expect(date.instant.toISOString()).toBe('2020-09-16T22:00:00.000Z');
	});

	it('keeps the calendar day of a YAML Date (UTC midnight)', () => {
		const date = parse(new Date(Date.UTC(2020, 8, 17)));
		expect(date.hasTime).toBe(false);
		expect(machineDate(date, TZ)).toBe('2020-09-17');
	});

	it('honours an explicit offset', () => {
		expect(parse('2020-09-21T12:15+00:00').instant.toISOString()).toBe('2020-09-21T12:15:00.000Z');
		expect(parse('2020-09-21T12:15Z').instant.toISOString()).toBe('2020-09-21T12:15:00.000Z');
	});

	it('rejects impossible dates and other formats', () => {
		for (const value of ['2020-13-45', '2020-02-30', '21/09/2020', '2020-09-21T25:00', 42, undefined]) {
			expect(parseContentDate(value, TZ), String(value)).toBeUndefined();
		}
	});

	it('finds the right instant around daylight-saving changes', () => {
		expect(zonedTimeToInstant(2021, 3, 28, 3, 30, TZ).toISOString()).toBe('2021-03-28T01:30:00.000Z');
		expect(zonedTimeToInstant(2021, 10, 31, 12, 0, TZ).toISOString()).toBe('2021-10-31T11:00:00.000Z');
	});
});

describe('French formatting', () => {
	it('formats « 21 septembre 2020 à 12 h 15 » with non-breaking spaces', () => {
		expect(formatContentDate(parse('2020-09-21T12:15'), TZ, 'fr-FR')).toBe('21\u00a0septembre\u00a02020 à 12\u00a0h\u00a015');
		expect(formatContentDate(parse('2020-09-21T09:00'), TZ, 'fr-FR')).toBe('21\u00a0septembre\u00a02020 à 9\u00a0h');
	});

	it('writes « 1er » on the first of the month', () => {
		expect(formatContentDate(parse('2020-10-01'), TZ, 'fr-FR')).toBe('1er\u00a0octobre\u00a02020');
	});

	it('formats event spans', () => {
		const span = (a: string, b?: string) => formatEventSpan(parse(a), b ? parse(b) : undefined, TZ, 'fr-FR').replace(/\u00a0/g, ' ');
		expect(span('2020-09-21T12:15', '2020-09-21T14:00')).toBe('21 septembre 2020, de 12 h 15 à 14 h');
		expect(span('2020-02-15', '2020-02-16')).toBe('du 15 février 2020 au 16 février 2020');
		expect(span('2021-11-22T18:30')).toBe('22 novembre 2021 à 18 h 30');
	});

	it('gives machine-readable values with the zone offset', () => {
		expect(machineDate(parse('2020-09-21T12:15'), TZ)).toBe('2020-09-21T12:15+02:00');
		expect(machineDate(parse('2020-02-15T18:30'), TZ)).toBe('2020-02-15T18:30+01:00');
	});

	it('gives RFC 3339 date-times (with seconds) for feeds, and plain dates for all-day events', () => {
		expect(isoDateTime(parse('2020-09-21T12:15'), TZ)).toBe('2020-09-21T12:15:00+02:00');
		expect(isoDateTime(parse('2020-09-21'), TZ)).toBe('2020-09-21');
		expect(isoDateTime(parse('2020-09-21T12:15'), 'UTC')).toBe('2020-09-21T10:15:00+00:00');
	});

	it('follows another configured zone', () => {
		const date = parseContentDate('2020-09-21T12:15', 'America/Martinique');
		expect(date?.instant.toISOString()).toBe('2020-09-21T16:15:00.000Z');
		expect(formatContentDate(date!, 'America/Martinique', 'fr-FR').replace(/\u00a0/g, ' ')).toBe('21 septembre 2020 à 12 h 15');
	});
});

describe('suggestContentDate', () => {
	it('rewrites French ways of writing a date in the contract form', () => {
		expect(suggestContentDate('12/10/2021')).toBe('2021-10-12');
		expect(suggestContentDate('1/2/2021')).toBe('2021-02-01');
		expect(suggestContentDate('12.10.2021')).toBe('2021-10-12');
		expect(suggestContentDate('2021-9-7')).toBe('2021-09-07');
		expect(suggestContentDate('2021/09/07')).toBe('2021-09-07');
		expect(suggestContentDate('12 octobre 2021')).toBe('2021-10-12');
		expect(suggestContentDate('1er février 2021')).toBe('2021-02-01');
		expect(suggestContentDate('le 3 sept. 2021')).toBe('2021-09-03');
		expect(suggestContentDate('12/10/2021 18h30')).toBe('2021-10-12T18:30');
		expect(suggestContentDate('21 septembre 2020 à 12h15')).toBe('2020-09-21T12:15');
		expect(suggestContentDate('2021-10-12 9h')).toBe('2021-10-12T09:00');
	});

	it('offers nothing it cannot read as a real date', () => {
		expect(suggestContentDate('31/06/2021')).toBeUndefined();
		expect(suggestContentDate('12/10/2021 25h00')).toBeUndefined();
		expect(suggestContentDate('bientôt')).toBeUndefined();
		expect(suggestContentDate('12 brumaire 2021')).toBeUndefined();
	});
});
