// npx tsx scripts/bench-tokenize.ts [--runs=3]
//
// Milliseconds per million characters of tokenize + hash, cold and warm, for the tokenizer in
// utils/match/tokenize.ts and the one it replaced (tests/support/reference-tokenize.ts).
// The content script runs once per page, so its tokenizer is cold code: every cold run is a fresh
// Node process limited to the baseline tier (--max-opt=1: interpreter + Sparkplug, no optimising
// compiler), timing the first pass over the text, block by block as the page scan does. Warm
// runs are the fifth pass in a process with every tier on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TokenStore, tokenizeInto } from '../utils/match/tokenize';
import { referenceTokenizeInto } from '../tests/support/reference-tokenize';

const root = path.resolve(import.meta.dirname, '..');
const corpus = process.env.BACKSTORY_CORPUS ?? path.resolve(root, '../shared/corpus');

// A few sentences per script, repeated into blocks: what matters is the mix of code points.
const SAMPLES: Record<string, string> = {
  latin: 'Žluťoučký kůň úpěl ďábelské ódy. Le cœur déçu mais l’âme plutôt naïve, Louÿs rêva de crapaüter. Ökonomische Größe, señor Muñoz, São Paulo ąęłńśźż. ',
  cyrillic:
    'Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства. Ґанок їжака. ',
  greek: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Τάχιστη αλώπηξ βαφής ψημένη γη, δρασκελίζει υπέρ νωθρού κυνός. Ϊ ΐ ΰ ς. ',
  arabic: 'صِف خَلقَ خَودِ كَمِثلِ الشَمسِ إِذ بَزَغَت يَحظى الضَجيعُ بِها نَجلاءَ مِعطارِ. نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر. ',
  hebrew: 'דג סקרן שט בים מאוכזב ולפתע מצא חברה. עטלף אבק נס דרך מזגן שהתפוצץ כי חם. שָׁלוֹם עֲלֵיכֶם. ',
  cjk: '中华人民共和国位于亚洲东部，太平洋西岸。いろはにほへと ちりぬるを わかよたれそ つねならむ。カタカナ「ガギグゲゴ」、한국어 문장도 있습니다。',
};

function corpusBlocks(): string[] {
  const dir = path.join(corpus, 'pages');
  if (!fs.existsSync(dir)) return [];
  const blocks: string[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const html = fs.readFileSync(path.join(dir, f), 'utf8');
    const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n');
    for (const line of text.split('\n')) if (line.trim()) blocks.push(line);
  }
  return blocks;
}

function blocksOf(name: string): string[] {
  if (name === 'corpus') return corpusBlocks();
  const s = SAMPLES[name];
  if (s === undefined) throw new Error(`no sample ${name}`);
  // ~200,000 characters in paragraphs of ~2,000.
  const para = s.repeat(Math.ceil(2000 / s.length));
  return Array.from({ length: Math.ceil(200_000 / para.length) }, () => para);
}

function pass(impl: string, blocks: string[]): number {
  const tokenize = impl === 'reference' ? referenceTokenizeInto : tokenizeInto;
  const store = new TokenStore();
  // CPU time, not wall time: the machine running this is often shared, and waiting for a core
  // is not the tokenizer's cost.
  const t0 = process.cpuUsage();
  for (const b of blocks) tokenize(b, store);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

function child(impl: string, name: string, mode: string): void {
  const blocks = blocksOf(name);
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  let ms = pass(impl, blocks);
  if (mode === 'warm') for (let i = 0; i < 4; i++) ms = pass(impl, blocks);
  process.stdout.write(JSON.stringify({ chars, msPerM: (ms * 1e6) / chars }));
}

function main(): void {
  const args = process.argv.slice(2);
  const c = args.indexOf('--child');
  if (c >= 0) {
    const [impl = '', name = '', mode = ''] = args.slice(c + 1);
    child(impl, name, mode);
    return;
  }
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  const names = [...(fs.existsSync(path.join(corpus, 'pages')) ? ['corpus'] : []), ...Object.keys(SAMPLES)];
  const script = path.join(root, 'scripts/bench-tokenize.ts');
  console.log(`ms per million characters, fastest of ${runs} fresh processes (CPU time; cold: --max-opt=1, first pass)`);
  console.log(['text', 'chars', 'cold before', 'cold after', 'warm before', 'warm after'].join('\t'));
  for (const name of names) {
    const row: (string | number)[] = [name];
    const cell: Record<string, number> = {};
    let chars = 0;
    const xs: Record<string, number[]> = {};
    // Before and after alternate, so a busy machine slows both alike; the fastest run is the
    // one least disturbed by other processes.
    for (let r = 0; r < runs; r++)
      for (const mode of ['cold', 'warm'])
        for (const impl of ['reference', 'current']) {
          const flags = mode === 'cold' ? ['--max-opt=1'] : [];
          const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', script, '--child', impl, name, mode], { cwd: root, encoding: 'utf8' });
          const res = JSON.parse(out) as { chars: number; msPerM: number };
          chars = res.chars;
          (xs[`${mode} ${impl}`] ??= []).push(res.msPerM);
        }
    for (const [k, v] of Object.entries(xs)) cell[k] = Math.min(...v);
    row.push(chars);
    for (const k of ['cold reference', 'cold current', 'warm reference', 'warm current']) row.push((cell[k] ?? NaN).toFixed(0));
    console.log(row.join('\t'));
  }
}

main();
