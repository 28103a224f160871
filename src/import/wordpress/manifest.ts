/**
 * Edit protection: the hashes of the files an import wrote, kept in
 * `<content>/.import-wordpress.json`. A file changed since (by hand, in the web
 * editor) is left as it is unless `force`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MANIFEST_FILE = '.import-wordpress.json';

function hash(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

/** `value` as tab-indented JSON, its keys sorted: the same content gives the same bytes. */
export function sortedJson(value: Record<string, string>, wrap = (sorted: Record<string, string>): unknown => sorted): string {
	const sorted = Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return `${JSON.stringify(wrap(sorted), null, '\t')}\n`;
}

/** The files of the content folder an import writes, each path relative to it. */
export class ImportedFiles {
	/** Files already as the import would write them. */
	unchanged = 0;
	/** Files edited since the last import, left as they are. */
	readonly kept: string[] = [];
	private readonly hashes: Record<string, string>;
	private readonly manifestFile: string;

	constructor(
		private readonly contentDir: string,
		private readonly force = false,
	) {
		this.manifestFile = path.join(contentDir, MANIFEST_FILE);
		this.hashes = existsSync(this.manifestFile) ? JSON.parse(readFileSync(this.manifestFile, 'utf8')).files : {};
	}

	/** Writes `relative` unless it was edited since the last import; returns whether the file is as planned. */
	write(relative: string, data: string | Buffer): boolean {
		const absolute = path.join(this.contentDir, relative);
		const digest = hash(data);
		if (existsSync(absolute)) {
			const current = hash(readFileSync(absolute));
			if (current === digest) {
				this.hashes[relative] = digest;
				this.unchanged += 1;
				return true;
			}
			if (!this.force && this.hashes[relative] !== current) {
				this.kept.push(relative);
				return false;
			}
		}
		mkdirSync(path.dirname(absolute), { recursive: true });
		writeFileSync(absolute, data);
		this.hashes[relative] = digest;
		return true;
	}

	/** Removes `relative` if an import wrote it and nobody edited it since. */
	removeIfUntouched(relative: string): void {
		const absolute = path.join(this.contentDir, relative);
		if (existsSync(absolute) && this.hashes[relative] === hash(readFileSync(absolute))) {
			rmSync(absolute);
			delete this.hashes[relative];
		}
	}

	/** Writes the manifest, for the next run. */
	save(): void {
		mkdirSync(this.contentDir, { recursive: true });
		writeFileSync(
			this.manifestFile,
			sortedJson(this.hashes, (files) => ({ source: 'wordpress', files })),
		);
	}
}
