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

describe('publishing rule for translations', () => {
	const original = (iso: string, draft = false) => ({ draft, date: { instant: new Date(iso) } });
	const translation = (of: string, iso = '2020-09-18T00:00:00Z') => ({ ...entry(iso), translationOf: { id: of } });

	it('publishes a translation of a published entry', () => {
		const find = (id: string) => (id === 'origine' ? original('2020-09-17T00:00:00Z') : undefined);
		expect(publicationStatus(translation('origine'), now, find)).toBe('published');
		expect(isPublished(translation('origine'), { now, preview: false }, find)).toBe(true);
	});

	it('holds back a translation whose original is a draft or scheduled, with the original’s status', () => {
		const draft = (id: string) => (id === 'origine' ? original('2020-09-17T00:00:00Z', true) : undefined);
		expect(publicationStatus(translation('origine'), now, draft)).toBe('draft');
		expect(isPublished(translation('origine'), { now, preview: false }, draft)).toBe(false);
		const scheduled = (id: string) => (id === 'origine' ? original('2027-01-01T00:00:00Z') : undefined);
		expect(publicationStatus(translation('origine'), now, scheduled)).toBe('scheduled');
		expect(isPublished(translation('origine'), { now, preview: false }, scheduled)).toBe(false);
		// Shown, marked, by a preview build like any unpublished entry.
		expect(isPublished(translation('origine'), { now, preview: true }, draft)).toBe(true);
	});

	it('follows a translation of a translation to the first original', () => {
		const entries: Record<string, ReturnType<typeof translation> | ReturnType<typeof original>> = {
			origine: original('2020-09-17T00:00:00Z', true),
			anglais: translation('origine'),
		};
		expect(publicationStatus(translation('anglais'), now, (id) => entries[id])).toBe('draft');
	});

	it('keeps its own status first, and ignores an unknown original (the content check reports it) or a loop', () => {
		const find = (id: string) => (id === 'origine' ? original('2020-09-17T00:00:00Z') : undefined);
		expect(publicationStatus(translation('origine', '2027-01-01T00:00:00Z'), now, find)).toBe('scheduled');
		expect(publicationStatus(translation('inconnue'), now, find)).toBe('published');
		const loop: Record<string, ReturnType<typeof translation>> = { a: translation('b'), b: translation('a') };
		expect(publicationStatus(translation('a'), now, (id) => loop[id])).toBe('published');
		loop.b = { ...translation('a'), draft: true };
		expect(publicationStatus(translation('a'), now, (id) => loop[id])).toBe('draft');
	});
});
