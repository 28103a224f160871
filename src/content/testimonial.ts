import { markdownToPlainText, truncate } from '../text/html';

interface TestimonialFields {
	name: string;
	organisation?: string;
	title?: string;
	description?: string;
}

/** « Pierre Bonnefoy, Magne Distribution » unless the author gave a title. */
export function testimonialTitle(data: TestimonialFields): string {
	if (data.title) return data.title;
	return data.organisation ? `${data.name}, ${data.organisation}` : data.name;
}

/** The author's description, or the start of the testimonial itself. */
export function testimonialDescription(data: TestimonialFields, body: string): string {
	if (data.description) return data.description;
	const text = markdownToPlainText(body);
	return text ? truncate(text, 160) : testimonialTitle(data);
}
