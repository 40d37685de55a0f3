import { writeFileSync } from 'node:fs';
import { createApp } from './app.factory.js';
import { buildOpenApiDocument, stableJson } from './openapi.js';

/** Writes api/openapi.json (sorted keys). CI fails when the committed file differs from the code. */
process.env.LOG_LEVEL ??= 'silent';
const app = await createApp();
writeFileSync('api/openapi.json', stableJson(buildOpenApiDocument(app)));
await app.close();
console.log('wrote api/openapi.json');
