import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Schaufenster API')
    .setDescription(
      'Storefronts, occupancy history, interventions and KPIs of German downtowns. ' +
        'Coordinates are [lon, lat] in EPSG:4326; dates are YYYY-MM-DD. ' +
        'Every operation lists its answers: the success with its schema or file type, and the errors it can give. ' +
        'Errors are JSON `ApiErrorBody` ({ code, message, details }) whatever the success type. ' +
        'Besides the errors listed, any operation may answer 500 (INTERNAL, with a requestId to quote) or ' +
        '503 (DATABASE_UNAVAILABLE, with Retry-After) or 504 (QUERY_TIMEOUT: the database stopped the request at its time limit) in the same shape.',
    )
    .setVersion('1')
    .build();
  return withNullInNullableEnums(SwaggerModule.createDocument(app, config));
}

/**
 * OpenAPI 3.0.3 says `nullable: true` does not widen an `enum`: null must be listed too, or strict
 * readers (code generators, validators) refuse the null the API really sends. Nest's generator does not
 * list it, so every nullable enum gets it here.
 */
function withNullInNullableEnums(document: OpenAPIObject): OpenAPIObject {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const schema = node as { nullable?: unknown; enum?: unknown[] };
    if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
      schema.enum = [...schema.enum, null]; // a new list: Nest may share one between schemas
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
  return document;
}

/** Stable JSON: keys sorted at every level so that a diff shows real API changes only. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
