/**
 * `LISEZ-MOI.txt` of a press kit: what each file of the archive is, and for
 * each photo its caption, credit and licence, so the rights travel with the
 * files. Plain text as every system opens it: UTF-8 with a byte order mark
 * (older Windows editors otherwise read the accents as Latin-1) and CRLF line
 * ends (Notepad before 2018 shows LF files on one line).
 * Pure logic: unit-tested in `tests/unit/photos.test.ts`.
 */
import { t } from '../text/i18n';

interface ReadmePhoto {
	/** Path inside the archive. */
	path: string;
	caption?: string | undefined;
	/** « Photo : … ». */
	creditLine: string;
	licence: string;
	licenceUrl?: string | undefined;
	/** « JPEG – 4 000 × 2 667 px – 3,2 Mio ». */
	label: string;
}

interface ReadmeFile {
	path: string;
	title: string;
	/** « PDF – 12,3 Kio ». */
	label: string;
}

interface ReadmeFacts {
	/** The entry's title. */
	title: string;
	/** « Communiqué de presse du 17 septembre 2020 ». */
	published: string;
	/** Absolute URL of the entry's page. */
	url: string;
	/** The site's name. */
	site: string;
	/** The press office: name and whatever contact it gives. */
	contact?: string | undefined;
	photos: ReadmePhoto[];
	files: ReadmeFile[];
}

/** The readme's lines, before encoding. */
export function readmeLines(facts: ReadmeFacts): string[] {
	const heading = (text: string) => ['', text, '='.repeat([...text].length)];
	const lines = [t('presskit.readme.title', { title: facts.title }), facts.published, facts.url];
	if (facts.photos.length > 0) {
		lines.push(...heading(t('presskit.readme.photos')), t('presskit.readme.creditDuty'));
		for (const photo of facts.photos) {
			lines.push(
				'',
				photo.path,
				`  ${photo.label}`,
				...(photo.caption ? [`  ${t('presskit.readme.caption', { caption: photo.caption })}`] : []),
				`  ${t('presskit.readme.credit', { credit: photo.creditLine })}`,
				`  ${t('presskit.readme.licence', { licence: photo.licence })}`,
				...(photo.licenceUrl && !photo.licence.includes(photo.licenceUrl) ? [`  ${photo.licenceUrl}`] : []),
			);
		}
	}
	if (facts.files.length > 0) {
		lines.push(...heading(t('presskit.readme.files')));
		for (const file of facts.files) lines.push('', file.path, `  ${file.title} (${file.label})`);
	}
	lines.push('', '--', facts.site, ...(facts.contact ? [facts.contact] : []));
	return lines;
}

/** The readme as bytes: UTF-8 with a byte order mark, CRLF line ends, a final line end. */
export function pressKitReadme(facts: ReadmeFacts): Uint8Array {
	return new TextEncoder().encode(`\uFEFF${readmeLines(facts).join('\r\n')}\r\n`);
}
