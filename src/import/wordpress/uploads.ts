/**
 * The uploads a post uses (`wp-content/uploads/…`), each copied beside its entry
 * under a name of its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { UploadResolution } from './html';

/** The local path of an upload URL (`…/wp-content/uploads/2021/03/x.pdf` → `2021/03/x.pdf`), or `undefined`. */
export function uploadPath(address: string): string | undefined {
	const match = /\/wp-content\/uploads\/([^?#]+)/.exec(address);
	if (!match?.[1]) return undefined;
	try {
		const relative = decodeURIComponent(match[1]);
		return relative.split('/').some((part) => part === '..' || part === '') ? undefined : relative;
	} catch {
		return undefined;
	}
}

/** The uploads of one post: upload path (`2021/03/x.pdf`) → file name beside the entry. */
export class PostUploads {
	readonly copies = new Map<string, string>();

	constructor(private readonly uploadsDir: string | undefined) {}

	/** Where the upload at `address` goes beside the entry; `undefined` for a URL that is not an upload. */
	resolve(address: string): UploadResolution | undefined {
		const relative = uploadPath(address);
		if (relative === undefined) return undefined;
		const existing = this.copies.get(relative);
		if (existing) return { status: 'copied', name: existing };
		const source = this.uploadsDir ? path.join(this.uploadsDir, relative) : undefined;
		if (!source || !existsSync(source)) return { status: 'missing' };
		let name = path.basename(relative).replace(/[^\w.-]+/g, '-');
		if (name === 'index.md' || [...this.copies.values()].includes(name)) name = `${this.copies.size + 1}-${name}`;
		this.copies.set(relative, name);
		return { status: 'copied', name };
	}

	/** Forgets the uploads whose file name `used` says nothing of the entry uses. */
	keepOnly(used: (name: string) => boolean): void {
		for (const [relative, name] of this.copies) if (!used(name)) this.copies.delete(relative);
	}

	/** The absolute path of an upload in the uploads folder. */
	source(relative: string): string {
		return path.join(this.uploadsDir ?? '', relative);
	}
}
