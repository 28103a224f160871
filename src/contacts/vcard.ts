/**
 * vCard 4.0 (RFC 6350) for press contacts: one card per contact, so a journalist
 * adds a press officer to their address book in one click.
 *
 * Hand-written, like the feed writers: a card here has at most nine properties, and the
 * libraries on npm either write vCard 3.0 (`vcards-js`) or bring a whole
 * parser for what is a few escaped lines. Read back in tests by ical.js.
 * Pure: no Astro, no settings.
 */

/** What a card says about one contact. */
export interface VCardContact {
	/** `individual` for a person, `org` for a service (« Service de presse »). */
	kind: 'individual' | 'org';
	/** The name as written (FN). */
	name: string;
	/** Role or job title (TITLE). */
	role?: string;
	/** Organisation (ORG); for a service, the organisation it belongs to. */
	organisation?: string;
	email?: string;
	/** A `tel:` URI (see `telUri`). */
	tel?: string;
	/** Absolute URL of the site (URL). */
	url?: string;
	/** Absolute URL of the card itself (SOURCE), where an address book can fetch it again. */
	source?: string;
}

/**
 * A text value escaped as RFC 6350 § 3.4 says: backslash, comma and newlines always;
 * semicolon in a field of a compound property (N, ORG), where it separates fields.
 * Elsewhere the RFC leaves escaping a semicolon optional and readers differ (ical.js
 * keeps the backslash), so it stays as typed.
 */
function vcardText(value: string, compound = false): string {
	const escaped = value
		.replace(/\\/g, '\\\\')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
	return compound ? escaped.replace(/;/g, '\\;') : escaped;
}

/** A compound value (N, ORG): fields escaped, joined by semicolons. */
const compound = (...fields: string[]) => fields.map((field) => vcardText(field, true)).join(';');

/** A URI value: not escaped as text, but never allowed to break the line. */
function uriValue(value: string): string {
	return value.replace(/[\r\n]/g, '');
}

/** Family name particles kept with the family name: « Annick Le Lan », « Jean de La Tour ». */
const PARTICLES = new Set([
	'de',
	'du',
	'des',
	'd’',
	"d'",
	'le',
	'la',
	'les',
	'van',
	'von',
	'der',
	'den',
	'di',
	'da',
	'del',
	'della',
	'dos',
	'ben',
	'ibn',
	'al',
	'el',
]);

/**
 * The structured name (N): family names; given names. A name written with the family name
 * in capitals (« Marie DUPONT », « DE LA TOUR Jean ») says which part it is; otherwise the
 * last word and the particles before it are the family name. A service keeps its whole
 * name as family name, which address books show as is.
 */
export function nameParts(name: string, kind: VCardContact['kind']): { family: string; given: string } {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (kind === 'org' || words.length < 2) return { family: words.join(' '), given: '' };
	const isCapitals = (word: string) => /\p{Lu}.*\p{Lu}/u.test(word) && word === word.toLocaleUpperCase('fr');
	const capitals = words.filter(isCapitals);
	if (capitals.length > 0 && capitals.length < words.length) {
		return { family: capitals.join(' '), given: words.filter((word) => !isCapitals(word)).join(' ') };
	}
	let start = words.length - 1;
	while (start > 1 && PARTICLES.has(words[start - 1]?.toLocaleLowerCase('fr') ?? '')) start -= 1;
	return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/** Calling codes of the regions of French locales whose national numbers start with a trunk 0, or have none. */
const CALLING_CODES: Readonly<Record<string, { code: string; trunkZero: boolean }>> = {
	FR: { code: '33', trunkZero: true },
	BE: { code: '32', trunkZero: true },
	CH: { code: '41', trunkZero: true },
	LU: { code: '352', trunkZero: false },
	MC: { code: '377', trunkZero: false },
	CA: { code: '1', trunkZero: false },
};

/**
 * A phone number as written (« 04 66 00 00 00 », « +33 4 66… », « 0033 4… ») as an
 * RFC 3966 `tel:` URI, global (`tel:+33466000000`) when the site's region tells the
 * country; otherwise the digits as written.
 */
export function telUri(phone: string, region?: string): string {
	// « +33 (0)4 66… »: the bracketed trunk 0 is dialled only from inside the country.
	const digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
	if (digits.startsWith('+')) return `tel:+${digits.slice(1).replace(/\+/g, '')}`;
	if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
	const calling = region ? CALLING_CODES[region.toUpperCase()] : undefined;
	if (calling && digits.length > 0) {
		if (calling.trunkZero && /^0[1-9]/.test(digits)) return `tel:+${calling.code}${digits.slice(1)}`;
		if (!calling.trunkZero) return `tel:+${calling.code}${digits}`;
	}
	return `tel:${digits}`;
}

/** Largest line, in octets, before folding (RFC 6350 § 3.2). */
const LINE_OCTETS = 75;

/** Folds a content line at 75 octets, never inside a UTF-8 character: CRLF then one space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	// A continuation line starts with a space, which counts.
	let limit = LINE_OCTETS;
	for (const character of line) {
		const size = Buffer.byteLength(character, 'utf8');
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = LINE_OCTETS - 1;
		}
		current += character;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

/** The vCard 4.0 of one contact: CRLF line ends, lines folded at 75 octets. */
export function serializeVCard(contact: VCardContact): string {
	const { family, given } = nameParts(contact.name, contact.kind);
	// A service is a unit of its organisation: ORG holds both.
	const organisation =
		contact.organisation && (contact.kind === 'org' ? compound(contact.organisation, contact.name) : compound(contact.organisation));
	const lines = [
		'BEGIN:VCARD',
		'VERSION:4.0',
		`KIND:${contact.kind}`,
		`FN:${vcardText(contact.name)}`,
		`N:${compound(family, given, '', '', '')}`,
		...(organisation ? [`ORG:${organisation}`] : []),
		...(contact.role ? [`TITLE:${vcardText(contact.role)}`] : []),
		...(contact.email ? [`EMAIL;TYPE=work:${vcardText(contact.email)}`] : []),
		...(contact.tel ? [`TEL;VALUE=uri;TYPE=work,voice:${uriValue(contact.tel)}`] : []),
		...(contact.url ? [`URL:${uriValue(contact.url)}`] : []),
		...(contact.source ? [`SOURCE:${uriValue(contact.source)}`] : []),
		'END:VCARD',
	];
	return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** First words of a service's name rather than a person's: « Service de presse », « Direction de la communication ». */
const SERVICE_NAME =
	/^(?:service|bureau|cellule|direction|p[ôo]le|d[ée]partement|mission|[ée]quipe|agence|relations|presse|communication|accueil|standard|secr[ée]tariat)(?=\s|$)/iu;

/** Whether a contact is a service (`org`) or a person (`individual`). */
export function contactKind(name: string): VCardContact['kind'] {
	return SERVICE_NAME.test(name.trim()) ? 'org' : 'individual';
}
