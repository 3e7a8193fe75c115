import { z } from 'zod';
import { PackBase } from './pack';

/** The pack format as JSON Schema (input side: defaults are optional for authors). */
export function packJsonSchema(): string {
  const schema = z.toJSONSchema(PackBase, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return JSON.stringify({ ...schema, title: 'Backstory fact pack', $id: 'https://backstory.invalid/pack.schema.json' }, null, 2) + '\n';
}
