import { describe, expect, it } from 'vitest';
import { tabMessage, tabMessageBody, tabMessageType, type TabMessageType } from '@/utils/messaging/tab-protocol';

describe('tab protocol: what the content script accepts from the worker', () => {
  it('recognizes each tab message the worker sends', () => {
    const types: TabMessageType[] = ['mention.next', 'mention.previous', 'scan.stats', 'pause.recheck'];
    for (const type of types) {
      expect(tabMessage(type)).toEqual({ type });
      expect(tabMessageType(tabMessage(type))).toBe(type);
      expect(tabMessageBody(type, tabMessage(type))).toBeUndefined();
    }
    const muted = tabMessage('entity.muted', { key: 'p:e', muted: true });
    expect(muted).toEqual({ type: 'entity.muted', body: { key: 'p:e', muted: true } });
    expect(tabMessageType(muted)).toBe('entity.muted');
    expect(tabMessageBody('entity.muted', muted)).toEqual({ key: 'p:e', muted: true });
  });

  it('reads an entity.muted body only when it is one: a key and a boolean', () => {
    const bad: unknown[] = [
      { type: 'entity.muted' },
      { type: 'entity.muted', body: null },
      { type: 'entity.muted', body: { key: 'p:e' } },
      { type: 'entity.muted', body: { key: 'p:e', muted: 'yes' } },
      { type: 'entity.muted', body: { key: 42, muted: true } },
      { type: 'entity.muted', body: { key: 'x'.repeat(201), muted: true } },
    ];
    for (const msg of bad) expect(tabMessageBody('entity.muted', msg), JSON.stringify(msg)).toBeNull();
    // Extra fields are not carried on.
    expect(tabMessageBody('entity.muted', { type: 'entity.muted', body: { key: 'p:e', muted: false, host: 'x' } })).toEqual({ key: 'p:e', muted: false });
  });

  it('reads a scan.stats body only when it asks one frame for its own: none, or { frame: true }', () => {
    expect(tabMessage('scan.stats', { frame: true })).toEqual({ type: 'scan.stats', body: { frame: true } });
    expect(tabMessageBody('scan.stats', tabMessage('scan.stats'))).toBeUndefined();
    expect(tabMessageBody('scan.stats', { type: 'scan.stats', body: { frame: true, extra: 1 } })).toEqual({ frame: true });
    const bad: unknown[] = [
      { type: 'scan.stats', body: null },
      { type: 'scan.stats', body: {} },
      { type: 'scan.stats', body: { frame: 'yes' } },
      { type: 'scan.stats', body: { frame: 1 } },
      { type: 'scan.stats', body: true },
    ];
    for (const msg of bad) expect(tabMessageBody('scan.stats', msg), JSON.stringify(msg)).toBeNull();
  });

  it('turns away anything else, names an object has by inheritance included', () => {
    const others: unknown[] = [
      null,
      undefined,
      'scan.stats',
      42,
      {},
      { type: 42 },
      { type: 'Scan.Stats' },
      { type: 'dict.lookup' },
      { type: 'entity.card' },
      { type: 'toString' },
      { type: 'hasOwnProperty' },
      { type: '__proto__' },
      { type: 'constructor' },
    ];
    for (const msg of others) expect(tabMessageType(msg), JSON.stringify(msg) ?? String(msg)).toBeNull();
  });
});
