import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/site/cache-key';
import { pageWindow } from '../../src/site/pagination';
import { relatedEntries, type Relatable } from '../../src/content/related';

const day = 86_400_000;
const entry = (key: string, days: number, themes: string[]): Relatable => ({ key, time: days * day, themes });

function membersOf(entries: Relatable[]) {
	const members = new Map<string, Relatable[]>();
	for (const item of [...entries].sort((a, b) => b.time - a.time)) {
		for (const theme of item.themes) members.set(theme, [...(members.get(theme) ?? []), item]);
	}
	return members;
}

describe('relatedEntries', () => {
	it('ranks by shared themes, then closeness in time, and never lists the entry itself', () => {
		const entries = [
			entry('a', 100, ['industrie', 'emploi']),
			entry('b', 10, ['industrie', 'emploi']),
			entry('c', 99, ['industrie']),
			entry('d', 103, ['industrie']),
			entry('e', 101, ['rse']),
		];
		const related = relatedEntries(entries, membersOf(entries));
		expect(related.get('a')).toEqual(['b', 'c', 'd']);
		expect(related.get('e')).toEqual([]);
	});

	it('looks at a bounded window of neighbours in each theme', () => {
		const entries = Array.from({ length: 200 }, (_, index) => entry(`e${index}`, index, ['industrie']));
		const related = relatedEntries(entries, membersOf(entries), 3, 5);
		expect(related.get('e100')).toEqual(['e101', 'e99', 'e102']);
		expect(related.get('e0')).toEqual(['e1', 'e2', 'e3']);
	});
});

describe('pageWindow', () => {
	it('shows every page of a short list', () => {
		expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
	});

	it('shows the first, the last and the neighbours of the current page of a long list, with gaps', () => {
		expect(pageWindow(50, 1000)).toEqual([1, null, 48, 49, 50, 51, 52, null, 1000]);
		expect(pageWindow(1, 1000)).toEqual([1, 2, 3, null, 1000]);
		expect(pageWindow(1000, 1000)).toEqual([1, null, 998, 999, 1000]);
	});
});

describe('cacheKey', () => {
	it('changes with any part and is stable for equal parts', () => {
		expect(cacheKey({ title: 'A' }, [1, 2])).toBe(cacheKey({ title: 'A' }, [1, 2]));
		expect(cacheKey({ title: 'A' }, [1, 2])).not.toBe(cacheKey({ title: 'B' }, [1, 2]));
		expect(cacheKey(['a', 'b'], [])).not.toBe(cacheKey(['a'], ['b']));
	});
});
