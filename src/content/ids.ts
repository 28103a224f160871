/**
 * Entry ids as the contract fixes them: the file name without extension, or
 * the folder's name for an `index.md`/`index.mdx` kept with its files.
 */
export function entryIdFromPath(relativePath: string): string {
	const parts = relativePath.split(/[\\/]/).filter(Boolean);
	const file = parts[parts.length - 1] ?? '';
	const name = file.replace(/\.(md|mdx)$/i, '');
	if (name.toLowerCase() === 'index' && parts.length > 1) return parts[parts.length - 2] ?? name;
	return name;
}
