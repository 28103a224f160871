/**
 * The press kit as one ZIP (`fflate`), byte-identical from build to build:
 * fixed file order, fixed modification time, no host-dependent metadata.
 * Pure logic: no Astro import, unit-tested in `tests/unit/zip.test.ts`.
 */
import { zipSync, type Zippable } from 'fflate';
import { wallClock } from '../text/dates';

/** A file to put in the archive. */
interface ZipSource {
	/** Name inside the archive. */
	name: string;
	data: Uint8Array;
}

// Already compressed formats: deflating them again costs time for nothing.
const STORED = /\.(pdf|jpe?g|png|gif|webp|avif|zip|gz|7z|docx|xlsx|pptx|odt|ods|odp|mp3|mp4|mov|m4a)$/i;

/** `a.pdf, a.pdf, b.pdf` → `a.pdf, a-2.pdf, b.pdf`: two attachments never overwrite each other in the archive. */
export function uniqueNames(names: string[]): string[] {
	const seen = new Set<string>();
	return names.map((name) => {
		let candidate = name;
		const dot = name.lastIndexOf('.');
		const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
		for (let n = 2; seen.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}${extension}`;
		seen.add(candidate.toLowerCase());
		return candidate;
	});
}

/**
 * The wall-clock time of `instant` in `timeZone` as a local `Date`: ZIP stores
 * DOS local times and fflate reads them with the local getters, so this makes
 * the bytes independent of the build machine's own zone. Clamped to 1980, the
 * first year DOS times can hold.
 */
export function zipTime(instant: Date, timeZone: string): Date {
	const clock = wallClock(instant, timeZone);
	return new Date(Math.max(1980, clock.year), clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** A ZIP holding `files` in the given order, every file dated `mtime` (see {@link zipTime}). */
export function buildZip(files: ZipSource[], mtime: Date): Uint8Array {
	const names = uniqueNames(files.map((file) => file.name));
	const entries: Zippable = {};
	files.forEach((file, index) => {
		entries[names[index] ?? file.name] = [file.data, { level: STORED.test(file.name) ? 0 : 6, mtime }];
	});
	return zipSync(entries, { mtime });
}
