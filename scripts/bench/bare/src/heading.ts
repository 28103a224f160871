/** An entry's heading: its title, or a testimonial's name. */
export function heading(entry: { id: string; data: object }): string {
	const data = entry.data as { title?: unknown; name?: unknown };
	return String(data.title ?? data.name ?? entry.id);
}
