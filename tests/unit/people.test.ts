import { describe, expect, it } from 'vitest';
import { groupByName, nameSlug, preferredSpelling } from '../../src/people/people';

describe('nameSlug', () => {
	it('ignores case and accents but not spelling', () => {
		expect(nameSlug('Annick Le Lan')).toBe('annick-le-lan');
		expect(nameSlug('annick lé lan')).toBe('annick-le-lan');
		expect(nameSlug('Anick Le Lan')).toBe('anick-le-lan');
		expect(nameSlug('Alès Myriapolis')).toBe('ales-myriapolis');
		expect(nameSlug('…', 'organisation')).toBe('organisation');
	});
});

describe('preferredSpelling', () => {
	it('takes the most frequent spelling, then the most carefully written', () => {
		expect(
			preferredSpelling(
				new Map([
					['annick le lan', 1],
					['Annick Le Lan', 2],
				]),
			),
		).toBe('Annick Le Lan');
		expect(
			preferredSpelling(
				new Map([
					['annick le lan', 3],
					['Annick Le Lan', 2],
				]),
			),
		).toBe('annick le lan');
		expect(
			preferredSpelling(
				new Map([
					['annick le lan', 1],
					['Annick Le Lan', 1],
				]),
			),
		).toBe('Annick Le Lan');
		expect(
			preferredSpelling(
				new Map([
					['Leader Ales', 1],
					['Leader Alès', 1],
				]),
			),
		).toBe('Leader Alès');
	});
});

describe('groupByName', () => {
	it('groups by slug, keeps mention order, sorts in French order', () => {
		const groups = groupByName([
			{ name: 'Zoé Martin', source: 1 },
			{ name: 'Annick Le Lan', source: 2 },
			{ name: ' annick  le lan ', source: 3 },
			{ name: 'Anick Le Lan', source: 4 },
			{ name: 'Élodie Abel', source: 5 },
		]);
		expect(groups.map((group) => group.slug)).toEqual(['anick-le-lan', 'annick-le-lan', 'elodie-abel', 'zoe-martin']);
		const annick = groups.find((group) => group.slug === 'annick-le-lan');
		expect(annick?.name).toBe('Annick Le Lan');
		expect(annick?.mentions.map((mention) => mention.source)).toEqual([2, 3]);
	});
});
