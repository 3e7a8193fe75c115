/**
 * Precision of highlighting on real pages: the built extension, with every bundled pack, reads the
 * corpus pages; every highlighted mention is listed with its sentence, and checked against the
 * reviewed verdicts in docs/precision-verdicts.json.
 *   npm run precision [-- --pages=N] [--check] [--reuse]
 * (--reuse reads the mentions of the last run from out/precision/mentions.json instead of the browser).
 * Writes out/precision/mentions.md (to review) and out/precision/table.md (per entity: mentions,
 * right, wrong, not yet reviewed). With --check, exits 1 if a mention is unreviewed or precision is
 * under 99%.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, corpusDir, launch, scanStats, startServer, tabIdOf } from '../tests/support/harness';
import { fold } from '../utils/match/fold';
import { withinOneEdit } from '../utils/match/edit-distance';
import { parsePackText } from '../utils/schema/validate';

interface Mention {
  page: string;
  text: string;
  entity: string;
  sentence: string;
}
type Verdict = { verdict: 'right' | 'wrong'; note?: string };

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const VERDICTS = path.join(ROOT, 'docs/precision-verdicts.json');
const OUT = path.join(ROOT, 'out/precision');

/** Folded alias → entity ids, from every bundled pack. */
function aliasIndex(): { exact: Map<string, string[]>; all: [string, string][] } {
  const exact = new Map<string, string[]>();
  const all: [string, string][] = [];
  const dir = path.join(ROOT, 'assets/packs');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const r = parsePackText(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(`${f} is not a valid pack`);
    for (const e of r.pack.entities)
      for (const a of e.aliases) {
        const k = fold(a.text);
        exact.set(k, [...new Set([...(exact.get(k) ?? []), e.id])]);
        all.push([k, e.id]);
      }
  }
  return { exact, all };
}

/** Which entity a highlighted text names: its alias, or the alias it is one typo away from. */
function entityOf(text: string, idx: ReturnType<typeof aliasIndex>): string {
  const k = fold(text);
  const hit = idx.exact.get(k);
  if (hit) return hit.join('|');
  const near = idx.all.filter(([a]) => withinOneEdit(a, k)).map(([, e]) => e);
  return near.length ? `${[...new Set(near)].join('|')} (typo)` : `? ${text}`;
}

/** The key a verdict is filed under: stable across runs, independent of whitespace. */
export const verdictKey = (m: Mention) => `${m.page}|${m.entity}|${m.sentence.replace(/\s+/g, ' ').trim()}`;

async function collect(limit: number | undefined): Promise<Mention[]> {
  const corpus = corpusDir();
  if (!corpus) throw new Error('no corpus: set BACKSTORY_CORPUS or put it at ../shared/corpus');
  const pages = fs
    .readdirSync(path.join(corpus, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, limit);
  const idx = aliasIndex();
  const srv = await startServer({}, { staticCorpus: true });
  const s = await launch();
  const out: Mention[] = [];
  try {
    for (const name of pages) {
      const page = await s.context.newPage();
      try {
        await page.goto(`${srv.origin}/corpus/${name}`, { waitUntil: 'load', timeout: 30_000 });
        const tabId = await tabIdOf(s, page);
        await scanStats(s, tabId);
        // Each highlighted range with the sentence around it, read from the page's main world (CSS.highlights is shared).
        const found = await page.evaluate(() => {
          const ranges = new Set([...CSS.highlights.values()].flatMap((h) => [...h]));
          return [...ranges].map((r) => {
            const block =
              (r.startContainer.parentElement?.closest('p,li,td,h1,h2,h3,h4,h5,h6,blockquote,figcaption,dd,dt,div') ?? r.startContainer.parentElement)
                ?.textContent ?? '';
            const text = r instanceof Range ? r.toString() : '';
            const at = block.indexOf(text);
            const from = Math.max(0, block.lastIndexOf('.', Math.max(0, at - 1)) + 1, at - 160);
            const end = block.indexOf('.', at + text.length);
            const to = Math.min(block.length, end < 0 ? block.length : end + 1, at + text.length + 160);
            return { text, sentence: block.slice(from, to).replace(/\s+/g, ' ').trim() };
          });
        });
        for (const m of found) out.push({ page: name, text: m.text, entity: entityOf(m.text, idx), sentence: m.sentence });
      } catch (e) {
        console.error(`${name}: ${(e as Error).message}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await s.close();
    await srv.close();
  }
  return out;
}

function report(mentions: Mention[], verdicts: Record<string, Verdict>) {
  const rows = new Map<string, { mentions: number; right: number; wrong: number; unreviewed: number }>();
  const unreviewed: Mention[] = [];
  for (const m of mentions) {
    const r = rows.get(m.entity) ?? { mentions: 0, right: 0, wrong: 0, unreviewed: 0 };
    r.mentions++;
    const v = verdicts[verdictKey(m)];
    if (!v) {
      r.unreviewed++;
      unreviewed.push(m);
    } else r[v.verdict]++;
    rows.set(m.entity, r);
  }
  const total = [...rows.values()].reduce((a, r) => ({ mentions: a.mentions + r.mentions, right: a.right + r.right, wrong: a.wrong + r.wrong }), {
    mentions: 0,
    right: 0,
    wrong: 0,
  });
  const precision = total.right + total.wrong ? (100 * total.right) / (total.right + total.wrong) : 100;
  const table = [
    '| entity | mentions | right | wrong | not reviewed |',
    '|---|---:|---:|---:|---:|',
    ...[...rows]
      .sort((a, b) => b[1].mentions - a[1].mentions || a[0].localeCompare(b[0]))
      .map(([e, r]) => `| ${e} | ${r.mentions} | ${r.right} | ${r.wrong} | ${r.unreviewed} |`),
    `| **all** | ${total.mentions} | ${total.right} | ${total.wrong} | ${unreviewed.length} |`,
    '',
    `Precision of reviewed mentions: ${precision.toFixed(1)}% (${total.right} of ${total.right + total.wrong}).`,
  ];
  return { table: table.join('\n'), unreviewed, precision };
}

async function main() {
  const check = process.argv.includes('--check');
  const pagesArg = arg('pages');
  const saved = path.join(OUT, 'mentions.json');
  const mentions: Mention[] =
    process.argv.includes('--reuse') && fs.existsSync(saved)
      ? (JSON.parse(fs.readFileSync(saved, 'utf8')) as (Mention & { key: string })[]).map(({ key: _key, ...m }) => m)
      : await collect(pagesArg ? Number(pagesArg) : undefined);
  const verdicts: Record<string, Verdict> = fs.existsSync(VERDICTS) ? JSON.parse(fs.readFileSync(VERDICTS, 'utf8')) : {};
  const { table, unreviewed, precision } = report(mentions, verdicts);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, 'mentions.json'),
    JSON.stringify(
      mentions.map((m) => ({ ...m, key: verdictKey(m) })),
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(OUT, 'mentions.md'),
    mentions.map((m) => `- [${verdicts[verdictKey(m)]?.verdict ?? '?'}] **${m.entity}** "${m.text}" (${m.page}): ${m.sentence}`).join('\n') + '\n',
  );
  fs.writeFileSync(path.join(OUT, 'table.md'), table + '\n');
  console.log(table);
  console.log(`\n${mentions.length} mentions on the corpus; ${unreviewed.length} not reviewed (out/precision/mentions.md)`);
  if (check && (unreviewed.length || precision < 99)) process.exit(1);
}

await main();
