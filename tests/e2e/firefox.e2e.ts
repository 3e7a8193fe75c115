import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT } from '../support/harness';

// Firefox cannot be driven here (no geckodriver, and BiDi refuses moz-extension:// pages; see
// docs/toolchain.md, note 3), so the smoke test checks the Firefox build itself.
const DIR = path.join(ROOT, '.output/firefox-mv2');

describe('Firefox build (smoke)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));

  it('is an MV2 manifest with a sidebar, a gecko id and no Chrome-only keys', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(manifest.browser_specific_settings.gecko.id).toBe('backstory@backstory.local');
    // Firefox 140 is the first with the CSS Custom Highlight API the content script paints with.
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.content_scripts[0].matches).toEqual(['<all_urls>']);
    expect(manifest.background.scripts).toEqual(['background.js']);
  });

  it('ships every file the manifest names, and each script parses', () => {
    const files = [
      ...manifest.background.scripts,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
      manifest.sidebar_action.default_panel,
      manifest.browser_action?.default_popup ?? manifest.action?.default_popup,
      manifest.options_ui.page,
    ];
    for (const f of files) expect(fs.existsSync(path.join(DIR, f)), f).toBe(true);
    for (const f of [...manifest.background.scripts, ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)]) {
      expect(() => new vm.Script(fs.readFileSync(path.join(DIR, f), 'utf8'), { filename: f })).not.toThrow();
    }
  });

  it('bundles the fact pack and makes no remote references', () => {
    // The packs ship as files; the worker carries only their names and the key of their text.
    const packs = JSON.parse(fs.readFileSync(path.join(DIR, 'packs/surveillance-tech.json'), 'utf8'));
    expect(packs.id).toBe('backstory.surveillance-tech');
    const bg = fs.readFileSync(path.join(DIR, 'background.js'), 'utf8');
    expect(bg).toContain('surveillance-tech.json');
    expect(bg).not.toContain('backstory.surveillance-tech');
    const all = fs.readdirSync(DIR, { recursive: true }).filter((f) => String(f).endsWith('.js') || String(f).endsWith('.html'));
    for (const f of all) {
      const text = fs.readFileSync(path.join(DIR, String(f)), 'utf8');
      expect(text, String(f)).not.toMatch(/<script[^>]+src=["']https?:/);
      expect(text, String(f)).not.toMatch(/\bfetch\(["']https?:/);
    }
  });
});
