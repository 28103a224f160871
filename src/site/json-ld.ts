/**
 * JSON-LD inside `<script>`: JSON.stringify alone lets `</script>` close the
 * element, so `<`, `>`, `&` and the JS line separators are escaped.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
