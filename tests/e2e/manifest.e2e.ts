import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/harness';

// What each built manifest promises a reader at install time, read from the builds that ship.
const builds = ['chrome-mv3', 'firefox-mv2'].map((dir) => ({
  dir,
  manifest: JSON.parse(fs.readFileSync(path.join(ROOT, '.output', dir, 'manifest.json'), 'utf8')) as {
    incognito?: string;
    permissions?: string[];
    web_accessible_resources?: unknown;
    externally_connectable?: { ids?: string[]; matches?: string[] };
  },
}));

describe.each(builds)('$dir manifest', ({ manifest }) => {
  it('does not ask for "tabs" (installing would warn of reading browsing history)', () => {
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage']));
    expect(manifest.permissions).not.toContain('tabs');
  });

  it('keeps the extension out of private windows', () => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  it('exposes no file to web pages (a page probing extension URLs finds nothing to fingerprint)', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

describe('chrome-mv3 manifest', () => {
  it('lets no other extension or web page connect', () => {
    expect(builds.find((b) => b.dir === 'chrome-mv3')?.manifest.externally_connectable).toEqual({ ids: [], matches: [] });
  });
});
