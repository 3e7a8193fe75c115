/** Write the pack JSON Schema for authors' editors: npm run pack:schema (a test keeps it in sync). */
import fs from 'node:fs';
import { packJsonSchema } from '../utils/schema/json-schema';

fs.writeFileSync(new URL('../assets/pack.schema.json', import.meta.url), packJsonSchema());
console.log('wrote assets/pack.schema.json');
