/**
 * Check fact-pack files with the extension's own schema.
 *   npm run pack:check -- <file.json> [...]
 * Exit 0 when every file is valid, 1 otherwise. Each problem is one line: `file: JSON path: reason`.
 */
import fs from 'node:fs';
import { parsePackText } from '../utils/schema/validate';
import { LIMITS } from '../utils/schema/pack';

export function checkFile(file: string): { ok: boolean; lines: string[] } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { ok: false, lines: [`${file}: (file): cannot read: no such file`] };
  }
  if (stat.isDirectory()) return { ok: false, lines: [`${file}: (file): is a directory, not a pack file`] };
  if (stat.size > LIMITS.packBytes)
    return { ok: false, lines: [`${file}: (file): ${(stat.size / 1048576).toFixed(1)} MB is over the ${LIMITS.packBytes / 1048576} MB limit for a pack`] };
  const buf = fs.readFileSync(file);
  if (buf.includes(0)) return { ok: false, lines: [`${file}: (file): binary data, not a UTF-8 JSON text file`] };
  const r = parsePackText(buf.toString('utf8'));
  if (!r.ok) return { ok: false, lines: r.errors.map((e) => `${file}: ${e.path}: ${e.message}`) };
  const p = r.pack;
  const aliases = p.entities.reduce((n, e) => n + e.aliases.length, 0);
  const facts = p.entities.reduce((n, e) => n + e.facts.length, 0);
  return {
    ok: true,
    lines: [`${file}: ok — ${p.id} ${p.version}: ${p.entities.length} entities, ${aliases} aliases, ${facts} facts, ${p.sources.length} sources`],
  };
}

const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length) {
  console.error('usage: npm run pack:check -- <pack.json> [more.json ...]');
  process.exit(2);
}
let ok = true;
for (const f of files) {
  const r = checkFile(f);
  ok &&= r.ok;
  (r.ok ? console.log : console.error)(r.lines.join('\n'));
}
process.exit(ok ? 0 : 1);
