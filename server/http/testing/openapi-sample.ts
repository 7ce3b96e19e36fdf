/**
 * @module For the OpenAPI sweeps (server/http/*-sweep.routes.test.ts): the parts of the API's own document they read,
 * and a plausible value for a schema, so a route reads past its first field to the one being swept.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  format?: string;
  $ref?: string;
}
export interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** A plausible value for a schema: enough for the route to read past its first field. */
export function sample(doc: OpenApiDocument, s: JsonSchema | undefined, depth = 0): unknown {
  if (!s || depth > 8) return null;
  if (s.$ref) return sample(doc, doc.components?.schemas?.[s.$ref.split('/').at(-1) ?? ''], depth + 1);
  if (s.enum) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return sample(doc, alternatives[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties) {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(doc, v, depth + 1)]));
  }
  if (type === 'array') return [sample(doc, s.items, depth + 1)];
  if (type === 'integer' || type === 'number') return Math.max(s.minimum ?? 1, 1);
  if (type === 'boolean') return true;
  if (type === 'string') return 'x';
  return null;
}
