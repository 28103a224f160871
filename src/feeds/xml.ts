/** Escaping for the XML feed writers. */

// Characters XML 1.0 forbids even as references (C0 controls but tab and newlines,
// U+FFFE/U+FFFF, unpaired surrogates): a stray one pasted into an entry would make the
// whole feed unreadable, so it is dropped.
const FORBIDDEN =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML forbids, for a writer that escapes but does not drop them. */
export function withoutForbidden(value: string): string {
	return value.replace(FORBIDDEN, '');
}

/** Text content of an element: `&`, `<` and `>` escaped (so `]]>` can never end anything). */
export function xmlText(value: string): string {
	return withoutForbidden(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value between double quotes. */
export function xmlAttribute(value: string): string {
	return xmlText(value).replace(/"/g, '&quot;');
}

/** `<name>text</name>`. */
export function xmlElement(name: string, text: string): string {
	return `<${name}>${xmlText(text)}</${name}>`;
}
