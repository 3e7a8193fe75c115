import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const doc = fs.readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8');

/** `u:file` / `e:file` followed by `test names` in backticks, up to the next reference or bracket. */
function references(): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const [, kind, stem, rest = ''] of doc.matchAll(/\b([ue]):([\w-]+)([^|(]*?)(?=\b[ue]:[\w-]+|[|(]|$)/gm)) {
    const file = kind === 'u' ? `tests/unit/${stem}.test.ts` : `tests/e2e/${stem}.e2e.ts`;
    const names = [...rest.matchAll(/`([^`]+)`/g)].map(([, name = '']) => name);
    out.push({ file, name: '' }, ...names.map((name) => ({ file, name })));
  }
  return out;
}

describe('docs/security.md', () => {
  it('names only test files and tests that exist (a renamed or deleted test shows here)', () => {
    const refs = references();
    expect(refs.filter((r) => r.name).length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { file, name } of refs) {
      const full = path.join(ROOT, file);
      if (!fs.existsSync(full)) {
        missing.push(file);
        continue;
      }
      if (!name) continue;
      const source = fs.readFileSync(full, 'utf8').replace(/\\'/g, "'");
      const wanted = name.endsWith('…') ? name.slice(0, -1) : name;
      if (!source.includes(wanted)) missing.push(`${file}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('marks every item of the research checklist (1 to 38) and every invariant', () => {
    for (let i = 1; i <= 38; i++) expect(doc, `item ${i}`).toMatch(new RegExp(`^\\| ${i} \\|.*\\*\\*(tested|by construction|not applicable|open)`, 'm'));
    for (let i = 1; i <= 6; i++) expect(doc, `I${i}`).toMatch(new RegExp(`^\\| I${i} \\|.*\\*\\*(tested|by construction|not applicable|open)`, 'm'));
  });
});
