/**
 * French typography: each rule, idempotence (also on the real content),
 * URLs and e-mails left alone, and both plugin shapes on small trees.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, Text } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeFrenchTypography, satteriFrenchTypography } from '../../src/text/rehype-french-typography';
import { frenchTypography, looksLikeUrlOrEmail, NBSP, NNBSP } from '../../src/text/typography';

const t = frenchTypography;

describe('frenchTypography', () => {
	it('puts a narrow no-break space before ; ! ?', () => {
		expect(t('Et maintenant ? Oui ! Non ; peut-être')).toBe(`Et maintenant${NNBSP}? Oui${NNBSP}! Non${NNBSP}; peut-être`);
		// A typed no-break space or a forgotten space end up the same.
		expect(t(`Vraiment${NBSP}?`)).toBe(`Vraiment${NNBSP}?`);
		expect(t('Vraiment?')).toBe(`Vraiment${NNBSP}?`);
		expect(t('Quoi?! Déjà')).toBe(`Quoi${NNBSP}?! Déjà`);
	});

	it('puts a no-break space before a colon, but not inside times', () => {
		expect(t('Objet de la visite : faire le point')).toBe(`Objet de la visite${NBSP}: faire le point`);
		expect(t('Programme: accueil')).toBe(`Programme${NBSP}: accueil`);
		expect(t('Rendez-vous à 12:15 précises')).toBe('Rendez-vous à 12:15 précises');
	});

	it('puts no-break spaces inside « »', () => {
		expect(t('la devise « Fédérer, transmettre, rayonner ».')).toBe(`la devise «${NBSP}Fédérer, transmettre, rayonner${NBSP}».`);
		expect(t('«Fédérer»')).toBe(`«${NBSP}Fédérer${NBSP}»`);
		expect(t('« Qui ? »')).toBe(`«${NBSP}Qui${NNBSP}?${NBSP}»`);
	});

	it('uses the typographic apostrophe between letters only', () => {
		expect(t("Pôle Mécanique d'Alès, aujourd'hui")).toBe('Pôle Mécanique d’Alès, aujourd’hui');
		expect(t("l'État")).toBe('l’État');
		expect(t("'citation'")).toBe("'citation'");
	});

	it('groups the digits of plain numbers from 10 000', () => {
		expect(t('plus de 15000 entreprises')).toBe(`plus de 15${NNBSP}000 entreprises`);
		expect(t('1234567 euros, 15000,50 €')).toBe(`1${NNBSP}234${NNBSP}567 euros, 15${NNBSP}000,50 €`);
		expect(t('100000')).toBe(`100${NNBSP}000`);
	});

	it('leaves years, small numbers, references and identifiers alone', () => {
		for (const text of [
			'en 2020 et 9999 fois',
			'référence 71.20 - PRESSE',
			'30100 Alès',
			'la norme ISO 26000',
			'tél. 0466000012',
			'SIRET 12345678901234',
			'2020-2021',
			'dossier 2021/12345',
			'version 1.234567',
			'A12345',
			'15000e visiteur',
			`déjà 15${NNBSP}000`,
		]) {
			expect(t(text), text).toBe(text);
		}
	});

	it('never touches URLs or e-mail addresses', () => {
		const cases = [
			'https://example.com/page?x=1:2;3!&y=15000',
			"https://example.com/l'industrie",
			'www.ales-agglo.example/presse?id=12345',
			'presse@ales-agglo.example',
			'mailto:presse@ales-agglo.example?subject=Visite',
		];
		for (const url of cases) {
			expect(t(url), url).toBe(url);
			expect(looksLikeUrlOrEmail(url), url).toBe(true);
			expect(t(`Voir ${url} : merci !`)).toBe(`Voir ${url}${NBSP}: merci${NNBSP}!`);
		}
		expect(t('Écrivez à presse@ales-agglo.example.')).toBe('Écrivez à presse@ales-agglo.example.');
		expect(looksLikeUrlOrEmail('Voir le site')).toBe(false);
	});

	it('is idempotent', () => {
		const samples = [
			"Qu'est-ce que c'est ? « Oui » : 15000 entreprises ; 30100 Alès !",
			`Déjà${NNBSP}? «${NBSP}Oui${NBSP}»${NBSP}: 15${NNBSP}000`,
			'  espaces  ?  !  ',
			'« »',
			'?',
			':',
			'a : b : c',
		];
		for (const sample of samples) {
			const once = t(sample);
			expect(t(once), sample).toBe(once);
		}
	});

	it('is idempotent on every line of the sample content', () => {
		const root = path.resolve('content');
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const full = path.join(dir, name);
				if (statSync(full).isDirectory()) walk(full);
				else if (/\.mdx?$/.test(name)) files.push(full);
			}
		};
		walk(root);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			for (const line of readFileSync(file, 'utf8').split('\n')) {
				const once = t(line);
				expect(t(once), `${file}: ${line}`).toBe(once);
			}
		}
	});

	it('keeps the text otherwise identical (no trimming, no other changes)', () => {
		expect(t(' et ')).toBe(' et ');
		expect(t('Voir ')).toBe('Voir ');
		expect(t('-- (c) ...')).toBe('-- (c) ...');
		expect(t('')).toBe('');
	});
});

const text = (value: string): Text => ({ type: 'text', value });
const element = (tagName: string, children: Element['children'], properties: Element['properties'] = {}): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});

describe('rehypeFrenchTypography', () => {
	it('typesets prose and leaves code, attributes and URL-like text alone', () => {
		const tree: Root = {
			type: 'root',
			children: [
				element('p', [
					text("C'est prêt ? "),
					element('a', [text('https://example.com/a?b=1')], { href: 'https://example.com/a?b=1', title: "Qu'est-ce ?" }),
					element('strong', [text('15000 entreprises !')]),
				]),
				element('pre', [element('code', [text("const x = a ? b : 'c';")])]),
				element('p', [element('code', [text('x ? y : z')]), element('kbd', [text('Ctrl ?')]), element('samp', [text('Erreur : 1')])]),
				element('script', [text("if (a) alert('?');")]),
				element('style', [text('a:hover { color: red; }')]),
			],
		};
		rehypeFrenchTypography()(tree);
		const [p, pre, inline, script, style] = tree.children as Element[];
		expect((p?.children[0] as Text).value).toBe(`C’est prêt${NNBSP}? `);
		const link = p?.children[1] as Element;
		expect((link.children[0] as Text).value).toBe('https://example.com/a?b=1');
		expect(link.properties).toEqual({ href: 'https://example.com/a?b=1', title: "Qu'est-ce ?" });
		expect(((p?.children[2] as Element).children[0] as Text).value).toBe(`15${NNBSP}000 entreprises${NNBSP}!`);
		expect(((pre?.children[0] as Element).children[0] as Text).value).toBe("const x = a ? b : 'c';");
		expect(inline?.children.map((child) => ((child as Element).children[0] as Text).value)).toEqual(['x ? y : z', 'Ctrl ?', 'Erreur : 1']);
		expect((script?.children[0] as Text).value).toBe("if (a) alert('?');");
		expect((style?.children[0] as Text).value).toBe('a:hover { color: red; }');
	});
});

describe('satteriFrenchTypography', () => {
	// A stand-in for Sätteri's visitor context: parents via a map.
	function contextFor(tree: Root) {
		const parents = new Map<unknown, unknown>();
		const index = (node: Root | Element) => {
			for (const child of node.children) {
				parents.set(child, node);
				if (child.type === 'element') index(child);
			}
		};
		index(tree);
		return { parent: (node: never) => parents.get(node) as { type: string; tagName?: string } | undefined };
	}

	it('returns a new text value for prose and nothing inside code', () => {
		const prose = text("L'an dernier : 15000 !");
		const code = text('a ? b : c');
		const tree: Root = { type: 'root', children: [element('p', [prose]), element('pre', [element('code', [code])])] };
		const context = contextFor(tree);
		expect(satteriFrenchTypography.text(prose, context)).toEqual({ type: 'text', value: `L’an dernier${NBSP}: 15${NNBSP}000${NNBSP}!` });
		expect(satteriFrenchTypography.text(code, context)).toBeUndefined();
		expect(satteriFrenchTypography.text(text('déjà bon'), context)).toBeUndefined();
	});
});

describe('English quotes from smart punctuation', () => {
	it('become French guillemets with no-break spaces', () => {
		expect(frenchTypography('la devise “Fédérer, transmettre, rayonner” du réseau')).toBe(
			'la devise «\u00a0Fédérer, transmettre, rayonner\u00a0» du réseau',
		);
		const once = frenchTypography('“oui”');
		expect(frenchTypography(once)).toBe(once);
	});
});

describe('straight double quotes', () => {
	it('become guillemets when paired, and are left alone otherwise', () => {
		expect(frenchTypography('Salon "industrie & territoires" 2024')).toBe('Salon «\u00a0industrie & territoires\u00a0» 2024');
		expect(frenchTypography('un écran de 27"')).toBe('un écran de 27"');
	});
});
