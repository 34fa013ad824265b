import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = { type?: string; nullable?: boolean; $ref?: string; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; [key: string]: unknown };

/**
 * OpenAPI 3.0 gives `nullable` meaning only next to a `type` (3.0.3), but @nestjs/swagger writes a nullable
 * reference (`enumName` + `nullable: true`, e.g. `CourseDto.outcomeCode`) as `{ nullable, allOf: [$ref] }` and a
 * nullable union as `{ nullable, oneOf: [...] }`, both without a type, whatever the DTO says (it drops a `type`
 * given beside a reference). Linters reject both (Redocly `nullable-type-sibling`) and generators may ignore the
 * null. So, once for every DTO: a nullable reference takes the referenced schema's type; a nullable union moves
 * `nullable` onto its first typed member (the union then admits null, as the DTO meant).
 */
export function withTypedNullables(doc: OpenAPIObject): OpenAPIObject {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const typeOf = (s: Schema | undefined): string | undefined =>
    s?.type ?? (s?.$ref?.startsWith('#/components/schemas/') ? typeOf(schemas[s.$ref.slice('#/components/schemas/'.length)]) : undefined);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const s = node as Schema;
    if (s.nullable === true && s.type === undefined) {
      const union = s.oneOf ?? s.anyOf;
      const referenced = s.allOf?.length === 1 ? typeOf(s.allOf[0]) : undefined;
      if (referenced) s.type = referenced;
      else if (union?.some((m) => m.type !== undefined)) {
        delete s.nullable;
        const first = union.find((m) => m.type !== undefined) as Schema;
        first.nullable = true;
      }
    }
    Object.values(s).forEach(visit);
  };
  visit(doc.paths);
  visit(doc.components);
  return doc;
}
