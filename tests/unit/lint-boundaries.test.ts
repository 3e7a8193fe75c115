import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

// The import boundary of page code (eslint.config.js): a file planted in utils/in-page/ is linted with the
// project's own configuration, type-aware rules and all, through ESLint's Node API.
const ROOT = path.resolve(import.meta.dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Lint `code` as a file of `dir`, then remove the file; returns every message. */
async function lintPlanted(dir: string, code: string) {
  const file = path.join(ROOT, dir, `__lint-probe-${process.pid}-${Date.now()}.ts`);
  fs.writeFileSync(file, code);
  try {
    const [result] = await eslint.lintFiles([file]);
    if (!result) throw new Error(`ESLint returned no result for ${file}`);
    return result.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line }));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const boundaryLines = (messages: { rule: string | null; line: number }[]) => messages.filter((m) => m.rule === RULE).map((m) => m.line);

describe('page-code import boundary', () => {
  afterAll(() => {
    // Nothing planted may outlive the test.
    expect(fs.readdirSync(path.join(ROOT, 'utils/in-page')).filter((f) => f.startsWith('__lint-probe-'))).toEqual([]);
  });

  it('reports value imports of zod, idb, the protocol, the store, the worker, the client and extension-page components', async () => {
    const messages = await lintPlanted(
      'utils/in-page',
      [
        "import { z } from 'zod';",
        "import { protocol } from '@/utils/messaging/protocol';",
        "import { openDB } from 'idb';",
        "import { MAX_PACK_TEXT } from '../messaging/protocol';",
        "import { send } from '@/utils/ext-pages/send';",
        "import { dispatch } from '../worker/dispatch';",
        "import { listNotes } from '@/utils/worker/store/notes';",
        "import { createHandlers } from '../worker/handlers';",
        "import { validatePack } from '@/utils/schema/validate';",
        "import { NotesPanel } from '@/components/ext-pages/NotesPanel';",
        "export * from 'zod/mini';",
        'export const used = [z, protocol, openDB, MAX_PACK_TEXT, send, dispatch, listNotes, createHandlers, validatePack, NotesPanel];',
        '',
      ].join('\n'),
    );
    expect(boundaryLines(messages)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  }, 60_000);

  it('allows type-only imports of the same modules, and the content-side messaging', async () => {
    const messages = await lintPlanted(
      'utils/in-page',
      [
        "import type { z } from 'zod';",
        "import type { protocol, CardView } from '@/utils/messaging/protocol';",
        "import type { IDBPDatabase } from 'idb';",
        "import { sendFromContentScript } from '@/utils/in-page/send';",
        "import { PAGE_LIMITS } from '../messaging/limits';",
        "import { tabMessageType } from '@/utils/messaging/tab-protocol';",
        '',
        'export type Probe = [z.ZodType, typeof protocol, CardView, IDBPDatabase];',
        'export const probe = { sendFromContentScript, PAGE_LIMITS, tabMessageType };',
        '',
      ].join('\n'),
    );
    // Not only no boundary finding: the file is clean, so it really was parsed and type-checked.
    expect(messages).toEqual([]);
  }, 60_000);

  it('holds the tab protocol, which the content script imports, to it as well', async () => {
    const file = path.join(ROOT, 'utils/messaging/tab-protocol.ts');
    const code = `import { z } from 'zod';\n${fs.readFileSync(file, 'utf8')}\nexport const probe = z;\n`;
    const [result] = await eslint.lintText(code, { filePath: file });
    expect(boundaryLines((result?.messages ?? []).map((m) => ({ rule: m.ruleId, line: m.line })))).toEqual([1]);
  }, 60_000);

  it("keeps the card's drawing out of the main content script: Preact and the card's components are the card script's", async () => {
    const messages = await lintPlanted(
      'utils/in-page',
      [
        "import { h } from 'preact';",
        "import { useState } from 'preact/hooks';",
        "import { CARD_UI } from '@/components/card/card-ui';",
        "import { EntityCard } from '../../components/card/EntityCard';",
        "import type { EntityCardProps } from '@/components/card/EntityCard';",
        "import type { VNode } from 'preact';",
        '',
        'export type Probe = [EntityCardProps, VNode];',
        'export const used = [h, useState, CARD_UI, EntityCard];',
        '',
      ].join('\n'),
    );
    expect(boundaryLines(messages)).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it('applies to page code only: the worker side may import zod', async () => {
    const messages = await lintPlanted('utils/export', "import { z } from 'zod';\n\nexport const probe = z.string();\n");
    expect(messages).toEqual([]);
  }, 60_000);
});
