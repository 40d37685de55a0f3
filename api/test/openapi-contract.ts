import Ajv from 'ajv';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';

/**
 * Checks real answers against the OpenAPI document the code generates: the status must be
 * documented for the operation, the media type must be one of that answer's, and a JSON body must
 * validate against its schema.
 *
 * The document is OpenAPI 3.0; ajv 6 reads JSON Schema draft-07. `toJsonSchema` translates the one
 * difference that matters (`nullable: true` becomes "or null") and closes every object that lists
 * its properties (`additionalProperties: false` where the document says nothing), so a field the
 * document does not describe fails the check just like a missing or mistyped one. Objects that are
 * open on purpose say so in the document (`additionalProperties: true` or a value schema: audit
 * snapshots, error details, value maps of an import).
 */
const DOCUMENT_ID = 'openapi.json';

export interface Answer {
  status: number;
  /** Media type without parameters, as supertest's `res.type`. */
  type: string;
  body: unknown;
  text?: string;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An OpenAPI 3.0 schema as JSON Schema draft-07, closed against undocumented fields. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!isRecord(schema)) return schema;
  const converted: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'nullable' || keyword === 'example') continue;
    if (keyword === '$ref' && typeof value === 'string') {
      converted.$ref = value.replace('#/components/schemas/', `${DOCUMENT_ID}#/definitions/`);
    } else if (keyword === 'properties' && isRecord(value)) {
      converted.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, toJsonSchema(property)]),
      );
    } else if (keyword === 'enum' || keyword === 'required' || keyword === 'default') {
      converted[keyword] = value;
    } else {
      converted[keyword] = toJsonSchema(value);
    }
  }
  if (isRecord(schema.properties) && schema.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  return schema.nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

const isJsonMedia = (type: string): boolean => type === 'application/json' || type.endsWith('+json');

export class AnswerContract {
  private readonly ajv: Ajv.Ajv;
  private readonly validators = new Map<string, Ajv.ValidateFunction>();

  constructor(readonly document: OpenAPIObject) {
    // format 'full': dates are real calendar dates; 'binary' describes files, never JSON values.
    this.ajv = new Ajv({ allErrors: true, format: 'full', unknownFormats: ['binary'], extendRefs: 'fail' });
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: toJsonSchema(document.components?.schemas ?? {}) });
  }

  operation(method: Method, path: string): OperationObject | undefined {
    return this.document.paths[path]?.[method];
  }

  /** Every problem of the answer against the document; [] when it answers as documented. */
  problemsWith(method: Method, path: string, answer: Answer): string[] {
    const where = `${method.toUpperCase()} ${path} → ${answer.status}`;
    const operation = this.operation(method, path);
    if (!operation) return [`${method.toUpperCase()} ${path} is not in the document`];
    const response = operation.responses[String(answer.status)] as ResponseObject | undefined;
    if (!response) return [`${where} is not documented`];
    if (answer.status === 204 || answer.status === 304) {
      return response.content ? [`${where} is documented with a body`] : [];
    }
    const media = response.content?.[answer.type];
    if (!media) {
      const documented = Object.keys(response.content ?? {}).join(', ') || 'none';
      return [`${where}: answered ${answer.type || 'no media type'}, documented ${documented}`];
    }
    if (!isJsonMedia(answer.type)) return [];
    if (!media.schema) return [`${where}: ${answer.type} has no schema`];
    const key = `${where} ${answer.type}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media.schema) as object);
      this.validators.set(key, validate);
    }
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${where}: body${e.dataPath} ${e.message ?? ''} ${paramsOf(e)}`,
    );
  }

  /** Compiles every component schema on its own (a dangling $ref or an invalid keyword fails here). */
  compileAll(): string[] {
    return Object.keys(this.document.components?.schemas ?? {}).flatMap((name) => {
      try {
        this.ajv.compile({ $ref: `${DOCUMENT_ID}#/definitions/${name}` });
        return [];
      } catch (error) {
        return [`${name}: ${error instanceof Error ? error.message : String(error)}`];
      }
    });
  }
}

const paramsOf = (error: Ajv.ErrorObject): string => JSON.stringify(error.params);
