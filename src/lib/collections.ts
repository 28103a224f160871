/** The collections of the content contract (`../shared/CONTENT-MODEL.md`) that have a page per entry, in the order the site lists them. */
export const COLLECTIONS = ['communiques', 'rencontres', 'temoignages'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
