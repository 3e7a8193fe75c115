/**
 * Check fact-pack files with the extension's own schema.
 *   npm run pack:check -- [--strict] <file.json> [...]
 * Exit 0 when every file is valid (with --strict: and passes the rules for shipped packs), 1 otherwise.
 * Each problem is one line: `file: JSON path: reason`; warnings read `file: JSON path: warning: reason`.
 */
import fs from 'node:fs';
import { parsePackText } from '../utils/schema/validate';
import { LIMITS } from '../utils/schema/pack';
import { strictCheck } from '../utils/schema/strict';

export function checkFile(file: string, strict = false): { ok: boolean; lines: string[] } {
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
  const report = strict ? strictCheck(p) : { errors: [], warnings: [] };
  const aliases = p.entities.reduce((n, e) => n + e.aliases.length, 0);
  const facts = p.entities.reduce((n, e) => n + e.facts.length, 0);
  const evidence = p.entities.reduce((n, e) => n + e.facts.reduce((m, f) => m + (f.evidence?.length ?? 0), 0), 0);
  const ok = report.errors.length === 0;
  const summary = `${p.id} ${p.version} (format ${p.schema}): ${p.entities.length} entities, ${aliases} aliases, ${facts} facts, ${evidence} evidence excerpts, ${p.sources.length} sources`;
  return {
    ok,
    lines: [
      ...report.errors.map((e) => `${file}: ${e.path}: ${e.message}`),
      ...report.warnings.map((w) => `${file}: ${w.path}: warning: ${w.message}`),
      strict
        ? `${file}: ${ok ? 'ok' : 'refused'} (strict: ${report.errors.length} errors, ${report.warnings.length} warnings) — ${summary}`
        : `${file}: ok — ${summary}`,
    ],
  };
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const strict = args.includes('--strict');
const files = args.filter((a) => a !== '--strict');
if (!files.length) {
  console.error('usage: npm run pack:check -- [--strict] <pack.json> [more.json ...]');
  process.exit(2);
}
let ok = true;
for (const f of files) {
  const r = checkFile(f, strict);
  ok &&= r.ok;
  (r.ok ? console.log : console.error)(r.lines.join('\n'));
}
process.exit(ok ? 0 : 1);
