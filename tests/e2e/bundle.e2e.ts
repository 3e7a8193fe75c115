import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

// The built content script runs in every page the reader opens: it must stay small and carry none of
// the worker's libraries. Read from the Chrome build that npm test makes before these tests.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, '.output/chrome-mv3');
const CONTENT = path.join(BUILD, 'content-scripts/content.js');
const BACKGROUND = path.join(BUILD, 'background.js');
// The benchmark counts 1,024-byte kB at gzip level 9: 29.8 kB when issue 14 began, 30.7 after its third round,
// 31.3 after its fourth (highlight rules on the painted elements; Firefox needs the <style> fallback kept),
// 26.0 after its sixth (tokenizing and matching moved to the worker). The tenth round's wait for a visible
// tab's frame, and the scan's count of late frames, took it from 26,917 to 27,034 bytes here: the cap moved
// by 100 bytes, no more. The thirteenth round's card built on its first showing and requests sized to
// the slice took it from 27,034 to 27,133 bytes: moved by 100 again.
const MAX_GZIP = 27_200;

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

describe('built content script', () => {
  it('carries no zod (the markers are real: the worker bundle has them)', () => {
    const [content, background] = [built(CONTENT), built(BACKGROUND)];
    for (const marker of ZOD) {
      expect(background, `background.js should contain "${marker}"`).toContain(marker);
      expect(content, `content.js contains "${marker}"`).not.toContain(marker);
    }
  });

  it('touches no IndexedDB (no idb, no store)', () => {
    const [content, background] = [built(CONTENT), built(BACKGROUND)];
    for (const marker of IDB) {
      expect(background, `background.js should contain "${marker}"`).toContain(marker);
      expect(content, `content.js contains "${marker}"`).not.toContain(marker);
    }
  });

  it('carries no tokenizer or matcher: the page sends its text to the worker', () => {
    const [content, background] = [built(CONTENT), built(BACKGROUND)];
    // Booleans, not the texts: a failure would print the whole bundle.
    for (const marker of TOKENIZER) {
      expect(background.includes(marker), `background.js should contain "${marker}"`).toBe(true);
      expect(content.includes(marker), `content.js contains "${marker}"`).toBe(false);
    }
  });

  it('carries no webextension-polyfill: the browser API is its own (the worker still has it)', () => {
    expect(built(BACKGROUND)).toContain(POLYFILL);
    expect(built(CONTENT)).not.toContain(POLYFILL);
  });

  it('reads no extension API while it is evaluated: the first read builds the API bindings, which waits for a later task', () => {
    // A world with what the script's first task touches; `scheduler.yield` never settles, so main()
    // stops at its first yield, where the injection task ends in a browser.
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
    vm.runInContext(built(CONTENT), vm.createContext(world));
    expect(reads).toEqual([]);
  });

  it(`is at most ${MAX_GZIP / 1000} kB gzipped`, () => {
    const content = built(CONTENT);
    const size = zlib.gzipSync(content).length;
    console.log(`content.js: ${(content.length / 1000).toFixed(1)} kB, ${(size / 1000).toFixed(1)} kB gzipped`);
    expect(size).toBeLessThanOrEqual(MAX_GZIP);
  });
});
