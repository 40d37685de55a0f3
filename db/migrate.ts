import { DEFAULT_DATABASE_URL, migrate } from './data-source.js';

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const applied = await migrate(url);
console.log(applied.length ? `[db] applied ${applied.join(', ')}` : '[db] schema is up to date');
