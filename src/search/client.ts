/**
 * The search page's client: an accessible French interface over Pagefind's
 * JavaScript API (rather than Pagefind UI, whose markup we could not shape).
 *
 * - The query and filters live in the URL (`?q=…&type=…&theme=…&annee=…&ville=…&tri=…`):
 *   a shared link reruns the same search on load, and the URL follows the reader.
 * - Filters are checkboxes grouped in fieldsets: values of one facet are ORed,
 *   facets are ANDed. Each value shows how many results it would give with the
 *   other facets' choices, so counts do not collapse to 0 inside a facet.
 * - Filters and sort sit in a `<details>` whose summary says how many filters are
 *   active: folded on a phone (results first), opened on wider screens, where they
 *   stand beside the results.
 * - One `role="status"` region announces the result count once per search.
 *
 * Pagefind is loaded from the site's own bundle (`<base>pagefind/pagefind.js`),
 * so no request leaves the site.
 */
import { t, type UiKey } from '../text/i18n';

/** Counts of results per value, per filter key, as Pagefind returns them. */
type FilterCounts = Record<string, Record<string, number> | undefined>;
type FilterQuery = Record<string, { any: string[] }>;
type SortQuery = Record<string, 'asc' | 'desc'>;

interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

interface SearchResponse {
	results: Array<{ id: string; data(): Promise<ResultData> }>;
	filters: FilterCounts;
}

/** The part of Pagefind's JS API this page uses. */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<FilterCounts>;
	search(term: string | null, options?: { filters?: FilterQuery; sort?: SortQuery }): Promise<SearchResponse | null>;
}

interface Facet {
	/** Filter key in the index (`data-pagefind-filter`, see SearchMetadata.astro). */
	key: string;
	/** Query-string parameter, in French because readers see and share it. */
	param: string;
	legend: UiKey;
}

const FACETS: readonly Facet[] = [
	{ key: 'type', param: 'type', legend: 'search.facet.type' },
	{ key: 'theme', param: 'theme', legend: 'search.facet.theme' },
	{ key: 'year', param: 'annee', legend: 'search.facet.year' },
	{ key: 'city', param: 'ville', legend: 'search.facet.city' },
];

/** Sort choices by `?tri=` value; relevance needs no sort key. */
const SORTS: Readonly<Record<string, SortQuery | undefined>> = {
	pertinence: undefined,
	recent: { date: 'desc' },
	ancien: { date: 'asc' },
};

const PAGE_SIZE = 20;
/** From this width the filters stand beside the results (the `.search__layout` grid of global.css). */
const WIDE_SCREEN = '(min-width: 50rem)';
const TYPING_DELAY_MS = 200;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
/** The types in the site's order (`data-types` of the page's `[data-search]` element). */
const TYPE_ORDER: string[] = JSON.parse(document.querySelector<HTMLElement>('[data-search]')?.dataset.types ?? '[]') as string[];

/** Display order of a facet's values: types as the site lists them, years newest first, others alphabetically. */
function sortValues(facet: Facet, values: string[]): string[] {
	if (facet.key === 'type') return [...values].sort((a, b) => rank(a) - rank(b) || collator.compare(a, b));
	if (facet.key === 'year') return [...values].sort((a, b) => Number(b) - Number(a));
	return [...values].sort(collator.compare);
}

function rank(type: string): number {
	const index = TYPE_ORDER.indexOf(type);
	return index === -1 ? TYPE_ORDER.length : index;
}

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Record<string, string> = {},
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	if (text !== undefined) node.textContent = text;
	return node;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
	const found = root.querySelector<T>(selector);
	if (!found) throw new Error(`search page: missing ${selector}`);
	return found;
}

/** Starts the search interface inside `root` (the page's `[data-search]` element). */
export async function startSearch(root: HTMLElement): Promise<void> {
	const form = required<HTMLFormElement>(root, 'form');
	const input = required<HTMLInputElement>(root, 'input[name="q"]');
	const sortSelect = required<HTMLSelectElement>(root, 'select[name="tri"]');
	const filtersBox = required<HTMLDetailsElement>(root, '[data-filters]');
	const activeCount = required<HTMLElement>(root, '[data-active]');
	const facetsBox = required<HTMLElement>(root, '[data-facets]');
	const clearButton = required<HTMLButtonElement>(root, '[data-clear]');
	const status = required<HTMLElement>(root, '[data-status]');
	const list = required<HTMLOListElement>(root, '[data-results]');
	const moreButton = required<HTMLButtonElement>(root, '[data-more]');
	const unavailable = required<HTMLElement>(root, '[data-unavailable]');

	// State from the URL: a shared link reproduces the search.
	const params = new URLSearchParams(window.location.search);
	input.value = params.get('q') ?? '';
	const selection = new Map<string, Set<string>>(FACETS.map((facet) => [facet.key, new Set(params.getAll(facet.param))]));
	const requestedSort = params.get('tri') ?? 'pertinence';
	sortSelect.value = requestedSort in SORTS ? requestedSort : 'pertinence';
	filtersBox.open = window.matchMedia(WIDE_SCREEN).matches;
	root.hidden = false;

	let pagefind: Pagefind;
	let totals: FilterCounts;
	try {
		const bundle = root.dataset.bundle ?? '/pagefind/';
		// A runtime URL, not a module of the build: Vite must leave it alone.
		pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
		await pagefind.options({ basePath: bundle, baseUrl: root.dataset.base ?? '/', excerptLength: 24 });
		await pagefind.init();
		totals = await pagefind.filters();
	} catch (error) {
		console.warn('Pagefind could not be loaded:', error);
		form.hidden = true;
		unavailable.hidden = false;
		return;
	}

	const checkboxes = renderFacets(facetsBox, totals, selection);
	let latest = 0;
	let shown = PAGE_SIZE;
	let current: SearchResponse['results'] = [];

	const activeFilters = (except?: string): FilterQuery => {
		const filters: FilterQuery = {};
		for (const [key, values] of selection) if (key !== except && values.size > 0) filters[key] = { any: [...values] };
		return filters;
	};

	const syncUrl = (query: string) => {
		const next = new URLSearchParams();
		if (query) next.set('q', query);
		for (const facet of FACETS) for (const value of selection.get(facet.key) ?? []) next.append(facet.param, value);
		if (sortSelect.value !== 'pertinence') next.set('tri', sortSelect.value);
		const search = next.toString();
		const target = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
		if (target !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
			history.replaceState(history.state, '', target);
		}
	};

	const updateCounts = (counts: FilterCounts) => {
		for (const [key, boxes] of checkboxes) {
			for (const box of boxes) {
				const count = counts[key]?.[box.value] ?? 0;
				const label = box.labels?.[0];
				if (label) label.textContent = t('search.facetValue', { value: box.value, count });
				box.closest('li')?.classList.toggle('search-facet__option--empty', count === 0 && !box.checked);
			}
		}
	};

	const renderResults = async (search: number) => {
		const slice = current.slice(list.children.length, shown);
		const data = await Promise.all(slice.map((result) => result.data()));
		if (search !== latest) return;
		for (const result of data) list.append(resultItem(result));
		moreButton.hidden = current.length <= shown;
	};

	const run = async () => {
		const search = ++latest;
		const query = input.value.trim();
		const filters = activeFilters();
		const hasFilters = Object.keys(filters).length > 0;
		syncUrl(query);
		clearButton.hidden = !hasFilters;
		activeCount.textContent = `(${activeLabel(Object.values(filters).reduce((sum, filter) => sum + filter.any.length, 0))})`;
		if (!query && !hasFilters) {
			current = [];
			list.replaceChildren();
			list.removeAttribute('aria-busy');
			moreButton.hidden = true;
			updateCounts(totals);
			status.textContent = t('search.prompt');
			return;
		}
		list.setAttribute('aria-busy', 'true');
		// Without a query there is no relevance: newest first reads best.
		const sort = SORTS[sortSelect.value] ?? (query ? undefined : SORTS.recent);
		const response = await pagefind.search(query || null, { filters, sort });
		// Counts of a facet with a choice come from the search without that choice.
		const counts: FilterCounts = { ...(response?.filters ?? {}) };
		for (const facet of FACETS) {
			if ((selection.get(facet.key)?.size ?? 0) === 0) continue;
			const others = activeFilters(facet.key);
			if (!query && Object.keys(others).length === 0) {
				counts[facet.key] = totals[facet.key];
				continue;
			}
			const without = await pagefind.search(query || null, { filters: others });
			counts[facet.key] = without?.filters[facet.key];
		}
		if (search !== latest) return;
		current = response?.results ?? [];
		shown = PAGE_SIZE;
		list.replaceChildren();
		await renderResults(search);
		if (search !== latest) return;
		list.removeAttribute('aria-busy');
		updateCounts(counts);
		status.textContent = summary(current.length, query, hasFilters);
	};

	let typing: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(typing);
		typing = setTimeout(() => void run(), TYPING_DELAY_MS);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(typing);
		void run();
	});
	form.addEventListener('change', (event) => {
		const target = event.target;
		if (target instanceof HTMLInputElement && target.type === 'checkbox') {
			const values = selection.get(target.name);
			if (target.checked) values?.add(target.value);
			else values?.delete(target.value);
		}
		if (target === input) return;
		void run();
	});
	clearButton.addEventListener('click', () => {
		for (const values of selection.values()) values.clear();
		for (const boxes of checkboxes.values()) for (const box of boxes) box.checked = false;
		void run();
		input.focus();
	});
	moreButton.addEventListener('click', () => {
		const first = list.children.length;
		shown += PAGE_SIZE;
		void renderResults(latest).then(() => {
			// Move focus to the first new result so keyboard users continue from there.
			list.children[first]?.querySelector('a')?.focus();
		});
	});

	await run();
}

/** « aucun filtre actif », « 1 filtre actif », « 3 filtres actifs ». */
function activeLabel(count: number): string {
	return count === 0 ? t('search.active.none') : count === 1 ? t('search.active.one') : t('search.active.many', { count });
}

/** « 3 résultats pour « usine », avec les filtres choisis. » */
function summary(count: number, query: string, hasFilters: boolean): string {
	const counted = count === 0 ? t('search.count.none') : count === 1 ? t('search.count.one') : t('search.count.many', { count });
	const withQuery = query ? t('search.count.forQuery', { count: counted, query }) : counted;
	return `${hasFilters ? t('search.count.filtered', { count: withQuery }) : withQuery}.`;
}

/** Builds one fieldset of checkboxes per facet that has values; returns the checkboxes by filter key. */
function renderFacets(box: HTMLElement, totals: FilterCounts, selection: Map<string, Set<string>>) {
	const checkboxes = new Map<string, HTMLInputElement[]>();
	box.replaceChildren();
	for (const facet of FACETS) {
		const values = Object.keys(totals[facet.key] ?? {});
		// A value asked for by the URL but absent from the index stays visible (0), so it can be unticked.
		for (const value of selection.get(facet.key) ?? []) if (!values.includes(value)) values.push(value);
		if (values.length === 0) continue;
		const fieldset = element('fieldset', { class: 'search-facet' });
		fieldset.append(element('legend', {}, t(facet.legend)));
		const options = element('ul', { class: 'search-facet__options' });
		const boxes: HTMLInputElement[] = [];
		for (const [index, value] of sortValues(facet, values).entries()) {
			const id = `filtre-${facet.param}-${index}`;
			const checkbox = element('input', { type: 'checkbox', id, name: facet.key, value });
			checkbox.checked = selection.get(facet.key)?.has(value) ?? false;
			const item = element('li', { class: 'search-facet__option' });
			item.append(checkbox, element('label', { for: id }, value));
			options.append(item);
			boxes.push(checkbox);
		}
		fieldset.append(options);
		box.append(fieldset);
		checkboxes.set(facet.key, boxes);
	}
	return checkboxes;
}

/** One result: title link, then type · date · place, then the excerpt Pagefind highlighted. */
function resultItem(result: ResultData): HTMLLIElement {
	const item = element('li', { class: 'search-result' });
	const heading = element('h3', { class: 'search-result__title' });
	heading.append(element('a', { href: result.url }, result.meta.title ?? result.url));
	const meta = element('p', { class: 'search-result__meta' });
	const parts: Node[] = [];
	if (result.meta.type) parts.push(element('span', { class: 'search-result__type' }, result.meta.type));
	if (result.meta.date) {
		parts.push(element('time', result.meta.datetime ? { datetime: result.meta.datetime } : {}, result.meta.date));
	}
	if (result.meta.place) parts.push(element('span', { class: 'search-result__place' }, result.meta.place));
	for (const [index, part] of parts.entries()) {
		if (index > 0) meta.append(' · ');
		meta.append(part);
	}
	item.append(heading, meta);
	if (result.excerpt) {
		const excerpt = element('p', { class: 'search-result__excerpt' });
		// Pagefind escapes the page text before adding <mark>: the excerpt is safe HTML.
		excerpt.innerHTML = typesetElisions(result.excerpt);
		item.append(excerpt);
	}
	return item;
}

/**
 * The index reads elisions with a straight apostrophe, so that « emploi » finds
 * « l’emploi » (`indexableHtml` in src/search/integration.ts): excerpts get back the
 * typographic one the pages show. Escaped or not, before or after a highlight.
 */
function typesetElisions(excerpt: string): string {
	return excerpt.replace(/(?<=\p{L}|<\/mark>)(?:'|&#39;|&#x27;|&apos;)(?=\p{L}|<mark>)/gu, '’');
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void startSearch(root);
