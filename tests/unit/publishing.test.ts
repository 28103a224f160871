import { describe, expect, it } from 'vitest';
import { isPublished, publicationStatus } from '../../src/content/publishing';

const now = new Date('2026-11-25T12:00:00Z');
const entry = (iso: string, draft = false) => ({ draft, date: { instant: new Date(iso) } });

describe('publishing rule', () => {
	it('publishes past and present entries', () => {
		expect(publicationStatus(entry('2020-09-17T00:00:00Z'), now)).toBe('published');
		expect(publicationStatus(entry('2026-11-25T12:00:00Z'), now)).toBe('published');
		expect(isPublished(entry('2020-09-17T00:00:00Z'), { now, preview: false })).toBe(true);
	});

	it('holds back scheduled entries until their date', () => {
		expect(publicationStatus(entry('2026-11-25T12:00:01Z'), now)).toBe('scheduled');
		expect(isPublished(entry('2027-03-15T00:00:00Z'), { now, preview: false })).toBe(false);
	});

	it('never publishes a draft, whatever its date', () => {
		expect(publicationStatus(entry('2020-01-01T00:00:00Z', true), now)).toBe('draft');
		expect(isPublished(entry('2020-01-01T00:00:00Z', true), { now, preview: false })).toBe(false);
	});

	it('shows everything in preview', () => {
		expect(isPublished(entry('2099-01-01T00:00:00Z', true), { now, preview: true })).toBe(true);
	});
});
