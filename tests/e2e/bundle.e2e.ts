import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

// The built content scripts run in every page the reader opens: they must stay small and carry none of
// the worker's libraries. Read from the Chrome build that npm test makes before these tests.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, '.output/chrome-mv3');
const CONTENT = path.join(BUILD, 'content-scripts/content.js');
/** The card's drawing, a content script of its own injected before the main one (utils/in-page/card-ui.ts). */
const CARD = path.join(BUILD, 'content-scripts/card.js');
const BACKGROUND = path.join(BUILD, 'background.js');
// The benchmark counts 1,024-byte kB at gzip level 9: 29.8 kB when issue 14 began, 30.7 after its third round,
// 31.3 after its fourth (highlight rules on the painted elements; Firefox needs the <style> fallback kept),
// 26.0 after its sixth (tokenizing and matching moved to the worker). The tenth round's wait for a visible
// tab's frame, and the scan's count of late frames, took it from 26,917 to 27,034 bytes here: the cap moved
// by 100 bytes, no more. The thirteenth round's card built on its first showing and requests sized to
// the slice took it from 27,034 to 27,133 bytes: moved by 100 again. The sixteenth round split the card's
// drawing into a script of its own: 16,913 bytes for the main one and 10,745 for the card's, 27,658
// together (525 more than one script: each is compressed alone, and carries its own wrapper and
// extension-API proxy).
const MAX_GZIP = { content: 17_000, card: 10_800, both: 27_700 };

/** Strings of the card's drawing: its class names, Preact's element marker, the catalogue's reader. */
const CARD_MARKERS = ['cut-toggle', 'Symbol.for(`pv`)', 'getMessage'];

/**
 * The tokenizer's Unicode classes (fold.ts) and its token store's offset arrays (tokenize.ts): in the
 * worker, which tokenizes and matches the page's text. The content script imports the dictionary's
 * flag bits, which once brought the store along, made on every page by a module-level `new`.
 */
const TOKENIZER = ['Script=Hiragana', 'Int32Array'];

/** Strings zod 4 leaves in a bundle (class names, its internals' key), and IndexedDB's names. */
const ZOD = ['ZodError', '$ZodType', '_zod'];
const IDB = ['indexedDB', 'IDBDatabase'];

/** webextension-polyfill's own check, left in every bundle that carries it. */
const POLYFILL = 'should only be loaded in a browser extension';
/** The built file's text; a missing build fails the test with what to do. */
function built(file: string): string {
  if (!fs.existsSync(file))
    throw new Error(`No Chrome build (${path.relative(ROOT, file)} is missing): build first with npm run build (npm test builds before its tests).`);
  return fs.readFileSync(file, 'utf8');
}

/** The two content scripts, by file name. */
const scripts = () => [CONTENT, CARD].map((file) => ({ name: path.basename(file), text: built(file) }));

describe('built content scripts', () => {
  // Booleans, not the texts: a failure would print the whole bundle.
  it('carry no zod (the markers are real: the worker bundle has them)', () => {
    const background = built(BACKGROUND);
    for (const marker of ZOD) {
      expect(background.includes(marker), `background.js should contain "${marker}"`).toBe(true);
      for (const s of scripts()) expect(s.text.includes(marker), `${s.name} contains "${marker}"`).toBe(false);
    }
  });

  it('touch no IndexedDB (no idb, no store)', () => {
    const background = built(BACKGROUND);
    for (const marker of IDB) {
      expect(background.includes(marker), `background.js should contain "${marker}"`).toBe(true);
      for (const s of scripts()) expect(s.text.includes(marker), `${s.name} contains "${marker}"`).toBe(false);
    }
  });

  it('carry no tokenizer or matcher: the page sends its text to the worker', () => {
    const background = built(BACKGROUND);
    for (const marker of TOKENIZER) {
      expect(background.includes(marker), `background.js should contain "${marker}"`).toBe(true);
      for (const s of scripts()) expect(s.text.includes(marker), `${s.name} contains "${marker}"`).toBe(false);
    }
  });

  it('carry no webextension-polyfill: the browser API is their own (the worker still has it)', () => {
    expect(built(BACKGROUND)).toContain(POLYFILL);
    for (const s of scripts()) expect(s.text.includes(POLYFILL), `${s.name} contains the polyfill`).toBe(false);
  });

  it("split the card's drawing from the main script: no single task compiles both", () => {
    const [content, card] = [built(CONTENT), built(CARD)];
    for (const marker of CARD_MARKERS) {
      expect(card.includes(marker), `card.js should contain "${marker}"`).toBe(true);
      expect(content.includes(marker), `content.js contains "${marker}"`).toBe(false);
    }
  });

  it('are injected card first, then the main script, into the same pages and frames', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(BUILD, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[]; run_at: string; matches: string[]; all_frames?: boolean; match_about_blank?: boolean }[];
    };
    const entry = (file: string) => manifest.content_scripts.find((c) => c.js.includes(`content-scripts/${file}`));
    const [card, main] = [entry('card.js'), entry('content.js')];
    expect(card?.run_at).toBe('document_end');
    expect(main?.run_at).toBe('document_idle');
    const { js: _cardJs, run_at: _cardAt, ...cardTargets } = card!;
    const { js: _mainJs, run_at: _mainAt, ...mainTargets } = main!;
    expect(cardTargets).toEqual(mainTargets);
  });

  it('read no extension API while they are evaluated: the first read builds the API bindings, which waits for a later task', () => {
    // A world with what each script's first task touches; `scheduler.yield` never settles, so the main
    // script's main() stops at its first yield, where the injection task ends in a browser.
    const reads: string[] = [];
    const world: Record<string, unknown> = { performance, AbortController, AbortSignal, setTimeout, clearTimeout, queueMicrotask };
    world.scheduler = { yield: () => new Promise(() => undefined) };
    for (const name of ['chrome', 'browser'])
      Object.defineProperty(world, name, {
        get: () => {
          reads.push(name);
          return undefined;
        },
      });
    const context = vm.createContext(world);
    vm.runInContext(built(CARD), context);
    vm.runInContext(built(CONTENT), context);
    expect(reads).toEqual([]);
    // The card's script did leave its drawing in the world.
    expect(typeof (context as { __backstoryCardUi?: { render?: unknown } }).__backstoryCardUi?.render).toBe('function');
  });

  it(`are at most ${MAX_GZIP.content / 1000} and ${MAX_GZIP.card / 1000} kB gzipped, ${MAX_GZIP.both / 1000} together`, () => {
    const sizes = scripts().map((s) => {
      const size = zlib.gzipSync(s.text).length;
      console.log(`${s.name}: ${(s.text.length / 1000).toFixed(1)} kB, ${(size / 1000).toFixed(1)} kB gzipped`);
      return size;
    });
    const [content = 0, card = 0] = sizes;
    expect(content).toBeLessThanOrEqual(MAX_GZIP.content);
    expect(card).toBeLessThanOrEqual(MAX_GZIP.card);
    expect(content + card).toBeLessThanOrEqual(MAX_GZIP.both);
  });
});
