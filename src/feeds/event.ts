/** An item's event in the XML formats: the RSS event module (http://purl.org/rss/1.0/modules/event/). */
import type { FeedEvent } from './types';
import { xmlElement } from './xml';

/** The RSS event module: the established vocabulary for an item's event in RSS, valid in Atom as extension elements. */
export const EVENT_NAMESPACE = 'http://purl.org/rss/1.0/modules/event/';

/** An item's event as `ev:` elements (start, end, location), already escaped. */
export function eventElements(event: FeedEvent | undefined): string[] {
	if (!event) return [];
	const location = [event.place, event.address, event.city].filter(Boolean).join(', ');
	return [
		xmlElement('ev:startdate', event.start),
		...(event.end ? [xmlElement('ev:enddate', event.end)] : []),
		xmlElement('ev:location', location),
	];
}
