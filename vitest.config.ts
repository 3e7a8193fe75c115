import fs from 'node:fs';
import path from 'node:path';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests of page-side DOM logic run in happy-dom (a `// @vitest-environment happy-dom` comment at the top
// of the file); every other test keeps the node environment. A DOM-environment test loads its modules
// through Vite's file server, which serves only the workspace: where node_modules is a link to another
// checkout (a git worktree), that checkout's node_modules must be allowed too.
const modules = path.join(import.meta.dirname, 'node_modules');
const nodeModules = fs.existsSync(modules) ? [fs.realpathSync(modules)] : [];

export default defineConfig({
  plugins: [WxtVitest()],
  server: { fs: { allow: [searchForWorkspaceRoot(import.meta.dirname), ...nodeModules] } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'tests/support/i18n-setup.ts'],
    environment: 'node',
    // Some tests feed worst-case inputs (huge packs, 30,000 entities): correct but seconds long on a
    // loaded 2-core machine. The timeout only catches hangs; speed is measured by the benchmark.
    testTimeout: 30_000,
  },
});
