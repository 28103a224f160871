/** RSS 2.0 feeds (`@astrojs/rss`): full HTML content with absolute URLs, categories, cover enclosure. */
import mdxRenderer from '@astrojs/mdx/server.js';
import rss from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx';
import { settings } from '../config';
import { absolutizeHtml } from '../lib/html';
import { t } from '../lib/i18n';
import type { NewsItem } from './entries';
import { url } from './site';

let container: AstroContainer | undefined;

/** The entry's body as HTML: Markdown is pre-rendered, MDX goes through the container API. */
async function bodyHtml(item: NewsItem): Promise<string> {
	const rendered = item.entry.rendered?.html;
	if (rendered !== undefined && !item.entry.filePath?.endsWith('.mdx')) return rendered;
	if (!container) {
		container = await AstroContainer.create();
		container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
	}
	const { Content } = await render(item.entry);
	return container.renderToString(Content, { props: { components: mdxComponents } });
}

/** The cover as a 1200 px JPEG; its byte length is unknown before the image is written, hence 0 as RSS allows. */
async function enclosure(item: NewsItem) {
	const image = item.entry.data.image;
	if (!image) return undefined;
	const resized = await getImage({ src: image.src, width: 1200, format: 'jpeg' });
	return { url: url.toAbsolute(resized.src), type: 'image/jpeg', length: 0 };
}

export interface FeedOptions {
	title: string;
	description: string;
	/** Site-relative path of this feed, for `atom:link rel="self"`. */
	self: string;
	items: NewsItem[];
}

export async function feedResponse({ title, description, self, items }: FeedOptions): Promise<Response> {
	const feedItems = await Promise.all(
		items.map(async (item) => {
			const intro = `<p><strong>${escapeXmlText(t(`type.${item.collection}`))}</strong></p>`;
			return {
				title: item.title,
				link: url.absolute(item.collection, item.id),
				pubDate: item.date.instant,
				description: item.description,
				content: absolutizeHtml(intro + (await bodyHtml(item)), settings.site),
				categories: [t(`type.${item.collection}`), ...item.tags],
				enclosure: await enclosure(item),
			};
		}),
	);
	return rss({
		title,
		description,
		site: url.absolute(),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>fr-FR</language><atom:link href="${url.absolute(self)}" rel="self" type="application/rss+xml"/><lastBuildDate>${settings.buildTime.toUTCString()}</lastBuildDate>`,
		items: feedItems,
		trailingSlash: true,
	});
}

function escapeXmlText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
