/**
 * Field paths of the collection schemas, walked straight from zod 4
 * definitions (read through src/content/schemas/zod-def.ts, but independently of the walk
 * of src/editor/sveltia-config.ts, whose output the tests compare with it): `event.place`, `contacts.email`, each with whether an
 * author must fill it.
 */
import type { z } from 'astro/zod';
import { defOf } from '../../src/content/schemas/zod-def';

const OPTIONAL_WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'catch'];

/**
 * Every field path of a schema with whether the editor should require it:
 * the schema requires it, and no enclosing object is optional (an optional
 * object's fields are checked by the build, not by the editor); the items of
 * a list start afresh.
 */
export function fieldPaths(
	schema: z.ZodType,
	prefix = '',
	seen = new Map<string, boolean>(),
	parentRequired = true,
	optional = false,
): Map<string, boolean> {
	const def = defOf(schema);
	switch (def.type) {
		case 'object':
			for (const [key, child] of Object.entries((schema as z.ZodObject).shape)) {
				const name = `${prefix}${key}`;
				const childOptional = isOptional(child as z.ZodType);
				seen.set(name, parentRequired && !childOptional);
				fieldPaths(child as z.ZodType, `${name}.`, seen, parentRequired && !childOptional, childOptional);
			}
			break;
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'readonly':
		case 'catch':
			if (def.innerType) fieldPaths(def.innerType, prefix, seen, parentRequired, optional);
			break;
		case 'pipe':
			if (def.in) fieldPaths(def.in, prefix, seen, parentRequired, optional);
			if (def.out) fieldPaths(def.out, prefix, seen, parentRequired, optional);
			break;
		case 'array':
			if (def.element) fieldPaths(def.element, prefix, seen, true, false);
			break;
		case 'union':
			for (const option of def.options ?? []) fieldPaths(option, prefix, seen, parentRequired, optional);
			break;
		default:
			break;
	}
	return seen;
}

/** Whether a field may be left out (optional or defaulted), through pipes. */
export function isOptional(schema: z.ZodType): boolean {
	const def = defOf(schema);
	if (OPTIONAL_WRAPPERS.includes(def.type)) return true;
	if (def.type === 'readonly' && def.innerType) return isOptional(def.innerType);
	if (def.type === 'pipe' && def.in && def.out) return isOptional(def.in) || isOptional(def.out);
	return false;
}
