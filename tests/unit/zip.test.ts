import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildZip, uniqueNames, zipTime } from '../../src/press-kit/zip';

const encode = (text: string) => new TextEncoder().encode(text);

describe('uniqueNames', () => {
	it('renames duplicates without case collisions', () => {
		expect(uniqueNames(['a.pdf', 'A.pdf', 'b.txt', 'a.pdf', 'notes'])).toEqual(['a.pdf', 'A-2.pdf', 'b.txt', 'a-3.pdf', 'notes']);
	});
});

describe('zipTime', () => {
	it('gives the wall clock of the zone, clamped to 1980', () => {
		const time = zipTime(new Date('2020-09-17T08:00:00Z'), 'Europe/Paris');
		expect([time.getFullYear(), time.getMonth(), time.getDate(), time.getHours(), time.getMinutes()]).toEqual([2020, 8, 17, 10, 0]);
		expect(zipTime(new Date('1970-01-01T00:00:00Z'), 'Europe/Paris').getFullYear()).toBe(1980);
	});
});

describe('buildZip', () => {
	const files = [
		{ name: 'programme.txt', data: encode('Programme ; 18 h 30\n'.repeat(20)) },
		{ name: 'photo.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
		{ name: 'programme.txt', data: encode('autre') },
	];
	const mtime = zipTime(new Date('2020-09-17T08:00:00Z'), 'Europe/Paris');

	it('holds every file byte for byte, in order, without overwriting duplicates', () => {
		const unzipped = unzipSync(buildZip(files, mtime));
		expect(Object.keys(unzipped)).toEqual(['programme.txt', 'photo.jpg', 'programme-2.txt']);
		expect(unzipped['programme.txt']).toEqual(files[0]?.data);
		expect(unzipped['photo.jpg']).toEqual(files[1]?.data);
		expect(unzipped['programme-2.txt']).toEqual(files[2]?.data);
	});

	it('is deterministic', () => {
		expect(buildZip(files, mtime)).toEqual(buildZip(files, mtime));
	});
});
