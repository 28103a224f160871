/** Which social cards exist and where: one per published entry and per listing page. */
import type { NewsItem } from './entries';

/** Site-relative path of an entry's card. */
export function cardPath(item: Pick<NewsItem, 'collection' | 'id'>): string {
	return `og/${item.collection}/${item.id}.png`;
}
