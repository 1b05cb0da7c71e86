// A checker for the JSON Schema keywords ../shared/schemas/csl-data.json uses (type, enum, required,
// properties, additionalProperties, items, minItems, maxItems, anyOf, local $ref), so the CSL test needs no
// validator dependency. It throws on any other keyword rather than silently passing.

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  'type', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'minItems', 'maxItems', 'anyOf', '$ref',
  'description', 'title', '$schema', '$id', 'definitions', 'examples', 'format',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const path = ref.replace(/^#\//, '').split('/');
    return path.reduce<Schema>((s, key) => s[key] as Schema, root);
  };
  const visit = (schema: Schema, v: unknown, at: string): void => {
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword ${key} at ${at}`);
    if (typeof schema.$ref === 'string') return visit(resolve(schema.$ref), v, at);
    if (schema.type) {
      const allowed = ([] as string[]).concat(schema.type as string | string[]);
      const t = typeOf(v);
      if (!allowed.includes(t) && !(t === 'integer' && allowed.includes('number'))) {
        errors.push(`${at}: expected ${allowed.join('|')}, got ${t}`);
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(v)) errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
    if (Array.isArray(schema.anyOf)) {
      const branches = (schema.anyOf as Schema[]).map((s) => subErrors(s, v, at));
      if (branches.every((e) => e.length)) errors.push(`${at}: matches no anyOf branch (${branches[0]!.join('; ')})`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
      if (schema.items) v.forEach((item, i) => visit(schema.items as Schema, item, `${at}[${i}]`));
    } else if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) if (!(key in obj)) errors.push(`${at}: missing required ${key}`);
      for (const [key, child] of Object.entries(obj)) {
        if (props[key]) visit(props[key]!, child, `${at}.${key}`);
        else if (schema.additionalProperties === false) errors.push(`${at}: property ${key} not allowed`);
      }
    }
  };
  const subErrors = (schema: Schema, v: unknown, at: string): string[] => {
    const saved = errors.length;
    visit(schema, v, at);
    return errors.splice(saved);
  };
  visit(root, value, '$');
  return errors;
}
