/**
 * Reading a zod 4 schema's definition, for the walks that derive something from the
 * content schemas (the web editor's fields in `src/editor/sveltia-config.ts`, the known fields of
 * `known-fields.ts`): one description of the definition's shape for both.
 */
import type { z } from 'astro/zod';

/** The parts of a zod 4 definition the walks read. */
export interface ZodDef {
	type: string;
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	element?: z.ZodType;
	options?: z.ZodType[];
	shape?: Record<string, z.ZodType>;
	defaultValue?: unknown;
	entries?: Record<string, string | number>;
	checks?: Array<{ _zod?: { def?: { check?: string; format?: string } } }>;
	format?: string;
}

/** The definition of a schema (zod 4 keeps it on `def`). */
export const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { def: ZodDef }).def;
