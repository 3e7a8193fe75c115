import { describe, expect, it } from 'vitest';
import { tabMessage, tabMessageType, type TabMessageType } from '@/utils/messaging/tab-protocol';

describe('tab protocol: what the content script accepts from the worker', () => {
  it('recognizes each tab message the worker sends', () => {
    const types: TabMessageType[] = ['mention.next', 'scan.stats', 'pause.recheck'];
    for (const type of types) {
      expect(tabMessage(type)).toEqual({ type });
      expect(tabMessageType(tabMessage(type))).toBe(type);
    }
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
