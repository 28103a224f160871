/** File sizes and types as a French reader expects them: « PNG – 147,5 Kio ». */

const UNITS = ['o', 'Kio', 'Mio', 'Gio'] as const;
const NBSP = '\u00a0';

/** `151040` → « 147,5 Kio » (binary units, the decimal comma of the French `locale`, non-breaking space). */
export function formatFileSize(bytes: number, locale: string): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit += 1;
	}
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
	return `${number}${NBSP}${UNITS[unit]}`;
}

const TYPE_LABELS: Record<string, string> = { jpg: 'JPEG', jpeg: 'JPEG', tif: 'TIFF', htm: 'HTML' };

/** `dossier.pdf` → « PDF », `photo.jpg` → « JPEG ». */
export function fileTypeLabel(fileName: string): string {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (!extension) return 'Fichier';
	return TYPE_LABELS[extension] ?? extension.toUpperCase();
}

/** « PNG – 147,5 Kio ». */
export function describeFile(fileName: string, bytes: number, locale: string): string {
	return `${fileTypeLabel(fileName)} – ${formatFileSize(bytes, locale)}`;
}
