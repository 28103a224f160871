/** Social cards: data types, templates, rendering, cache and the parallel batch renderer. */
export type { CardData, CardJob, CardStats, EntryCardData, PageCardData, TestimonialCardData } from './types.ts';
export { CARD_HEIGHT, CARD_WIDTH } from './design.ts';
export { cardTemplate, cutText } from './templates.ts';
export { renderCard, renderSvg } from './render.ts';
export { CardCache, DEFAULT_CACHE_DIR, cardKey, cardsFingerprint } from './cache.ts';
export { renderCards, startCards, type CardRun, type RenderCardsOptions } from './batch.ts';
export { readPngSize } from './png.ts';
