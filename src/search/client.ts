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

/** The elements of the search page's markup (recherche.astro) the client drives. */
interface SearchElements {
	form: HTMLFormElement;
	input: HTMLInputElement;
	sortSelect: HTMLSelectElement;
	filtersBox: HTMLDetailsElement;
	activeCount: HTMLElement;
	facetsBox: HTMLElement;
	clearButton: HTMLButtonElement;
	status: HTMLElement;
	list: HTMLOListElement;
	moreButton: HTMLButtonElement;
	unavailable: HTMLElement;
}

function searchElements(root: HTMLElement): SearchElements {
	return {
		form: required(root, 'form'),
		input: required(root, 'input[name="q"]'),
		sortSelect: required(root, 'select[name="tri"]'),
		filtersBox: required(root, '[data-filters]'),
		activeCount: required(root, '[data-active]'),
		facetsBox: required(root, '[data-facets]'),
		clearButton: required(root, '[data-clear]'),
		status: required(root, '[data-status]'),
		list: required(root, '[data-results]'),
		moreButton: required(root, '[data-more]'),
		unavailable: required(root, '[data-unavailable]'),
	};
}

/** Pagefind from the site's own bundle, with the totals of every filter; undefined when it cannot load. */
async function loadPagefind(root: HTMLElement): Promise<{ pagefind: Pagefind; totals: FilterCounts } | undefined> {
	try {
		const bundle = root.dataset.bundle ?? '/pagefind/';
		// A runtime URL, not a module of the build: Vite must leave it alone.
		const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
		await pagefind.options({ basePath: bundle, baseUrl: root.dataset.base ?? '/', excerptLength: 24 });
		await pagefind.init();
		return { pagefind, totals: await pagefind.filters() };
	} catch (error) {
		console.warn('Pagefind could not be loaded:', error);
		return undefined;
	}
}

/** Starts the search interface inside `root` (the page's `[data-search]` element). */
async function startSearch(root: HTMLElement): Promise<void> {
	const elements = searchElements(root);
	// State from the URL: a shared link reproduces the search.
	const params = new URLSearchParams(window.location.search);
	elements.input.value = params.get('q') ?? '';
	const selection = new Map<string, Set<string>>(FACETS.map((facet) => [facet.key, new Set(params.getAll(facet.param))]));
	const requestedSort = params.get('tri') ?? 'pertinence';
	elements.sortSelect.value = requestedSort in SORTS ? requestedSort : 'pertinence';
	elements.filtersBox.open = window.matchMedia(WIDE_SCREEN).matches;
	root.hidden = false;

	const loaded = await loadPagefind(root);
	if (!loaded) {
		elements.form.hidden = true;
		elements.unavailable.hidden = false;
		return;
	}
	const session = new SearchSession(elements, loaded.pagefind, loaded.totals, selection);
	session.listen();
	await session.run();
}

/** One reader's searches on the page: the query, the filters ticked, the results shown so far. */
class SearchSession {
	private readonly checkboxes: Map<string, HTMLInputElement[]>;
	/** Number of the newest search: an older one that resolves late is dropped. */
	private latest = 0;
	private shown = PAGE_SIZE;
	private current: SearchResponse['results'] = [];
	private typing: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly elements: SearchElements,
		private readonly pagefind: Pagefind,
		private readonly totals: FilterCounts,
		private readonly selection: Map<string, Set<string>>,
	) {
		this.checkboxes = renderFacets(elements.facetsBox, totals, selection);
	}

	/** The filters ticked, without those of the facet `except`. */
	private activeFilters(except?: string): FilterQuery {
		const filters: FilterQuery = {};
		for (const [key, values] of this.selection) if (key !== except && values.size > 0) filters[key] = { any: [...values] };
		return filters;
	}

	/** The URL follows the reader, so that the address bar can be shared. */
	private syncUrl(query: string): void {
		const next = new URLSearchParams();
		if (query) next.set('q', query);
		for (const facet of FACETS) for (const value of this.selection.get(facet.key) ?? []) next.append(facet.param, value);
		if (this.elements.sortSelect.value !== 'pertinence') next.set('tri', this.elements.sortSelect.value);
		const search = next.toString();
		const target = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
		if (target !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
			history.replaceState(history.state, '', target);
		}
	}

	private updateCounts(counts: FilterCounts): void {
		for (const [key, boxes] of this.checkboxes) {
			for (const box of boxes) {
				const count = counts[key]?.[box.value] ?? 0;
				const label = box.labels?.[0];
				if (label) label.textContent = t('search.facetValue', { value: box.value, count });
				box.closest('li')?.classList.toggle('search-facet__option--empty', count === 0 && !box.checked);
			}
		}
	}

	/** Appends the results up to `shown`, unless a newer search started meanwhile. */
	private async renderResults(search: number): Promise<void> {
		const { list, moreButton } = this.elements;
		const slice = this.current.slice(list.children.length, this.shown);
		const data = await Promise.all(slice.map((result) => result.data()));
		if (search !== this.latest) return;
		for (const result of data) list.append(resultItem(result));
		moreButton.hidden = this.current.length <= this.shown;
	}

	/** Counts of a facet with a choice come from the search without that choice, so they do not collapse to 0. */
	private async facetCounts(query: string, response: SearchResponse | null): Promise<FilterCounts> {
		const counts: FilterCounts = { ...(response?.filters ?? {}) };
		for (const facet of FACETS) {
			if ((this.selection.get(facet.key)?.size ?? 0) === 0) continue;
			const others = this.activeFilters(facet.key);
			if (!query && Object.keys(others).length === 0) {
				counts[facet.key] = this.totals[facet.key];
				continue;
			}
			const without = await this.pagefind.search(query || null, { filters: others });
			counts[facet.key] = without?.filters[facet.key];
		}
		return counts;
	}

	/** Nothing asked yet: no results, the full counts and an invitation. */
	private showPrompt(): void {
		const { list, moreButton, status } = this.elements;
		this.current = [];
		list.replaceChildren();
		list.removeAttribute('aria-busy');
		moreButton.hidden = true;
		this.updateCounts(this.totals);
		status.textContent = t('search.prompt');
	}

	async run(): Promise<void> {
		const search = ++this.latest;
		const { input, clearButton, activeCount, list, sortSelect, status } = this.elements;
		const query = input.value.trim();
		const filters = this.activeFilters();
		const hasFilters = Object.keys(filters).length > 0;
		this.syncUrl(query);
		clearButton.hidden = !hasFilters;
		activeCount.textContent = `(${activeLabel(Object.values(filters).reduce((sum, filter) => sum + filter.any.length, 0))})`;
		if (!query && !hasFilters) return this.showPrompt();
		list.setAttribute('aria-busy', 'true');
		// Without a query there is no relevance: newest first reads best.
		const sort = SORTS[sortSelect.value] ?? (query ? undefined : SORTS.recent);
		const response = await this.pagefind.search(query || null, { filters, sort });
		const counts = await this.facetCounts(query, response);
		if (search !== this.latest) return;
		this.current = response?.results ?? [];
		this.shown = PAGE_SIZE;
		list.replaceChildren();
		await this.renderResults(search);
		if (search !== this.latest) return;
		list.removeAttribute('aria-busy');
		this.updateCounts(counts);
		status.textContent = summary(this.current.length, query, hasFilters);
	}

	/** Typing searches after a pause; ticking, sorting and submitting search at once. */
	listen(): void {
		const { form, input, clearButton, moreButton, list } = this.elements;
		input.addEventListener('input', () => {
			clearTimeout(this.typing);
			this.typing = setTimeout(() => void this.run(), TYPING_DELAY_MS);
		});
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			clearTimeout(this.typing);
			void this.run();
		});
		form.addEventListener('change', (event) => {
			const target = event.target;
			if (target instanceof HTMLInputElement && target.type === 'checkbox') {
				const values = this.selection.get(target.name);
				if (target.checked) values?.add(target.value);
				else values?.delete(target.value);
			}
			if (target === input) return;
			void this.run();
		});
		clearButton.addEventListener('click', () => {
			for (const values of this.selection.values()) values.clear();
			for (const boxes of this.checkboxes.values()) for (const box of boxes) box.checked = false;
			void this.run();
			input.focus();
		});
		moreButton.addEventListener('click', () => {
			const first = list.children.length;
			this.shown += PAGE_SIZE;
			void this.renderResults(this.latest).then(() => {
				// Move focus to the first new result so keyboard users continue from there.
				list.children[first]?.querySelector('a')?.focus();
			});
		});
	}
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
