/**
 * The bundled packs as the build ships them: copied to `packs/` in the extension, and named in the
 * worker by one build-time key (a SHA-256 of their text), so a waking worker compares one string
 * and fetches the files only when they changed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PACK_DIR = path.resolve(import.meta.dirname, '../assets/packs');

export interface BundledPacks {
  key: string;
  files: string[];
}

export function bundledPacks(dir = PACK_DIR): BundledPacks {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const hash = crypto.createHash('sha256');
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(fs.readFileSync(path.join(dir, f)))
      .update('\0');
  return { key: hash.digest('hex'), files };
}
