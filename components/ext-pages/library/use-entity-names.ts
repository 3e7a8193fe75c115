import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { ENTITY_NAMES_MAX } from '@/utils/messaging/protocol';

/**
 * Entities' names in the reader's language, asked of the worker once per key (and again when the
 * language changes). A note keeps its entity's name as it was when written, perhaps in another
 * language; these replace it on screen where the entity is still installed. Until they arrive, or if
 * asking fails, the stored names are shown: nothing is lost by waiting.
 */
export function useEntityNames(keys: readonly string[], lang: string): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef({ lang, keys: new Set<string>() });
  const wanted = keys.join('\n');
  // Keys are asked once: an answer that arrives after the keys changed again is still wanted.
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (asked.current.lang !== lang) {
      asked.current = { lang, keys: new Set() };
      setNames(new Map());
    }
    const seen = asked.current.keys;
    const missing = keys.filter((k) => !seen.has(k));
    if (!missing.length) return;
    for (const k of missing) seen.add(k);
    const current = () => mounted.current && asked.current.keys === seen;
    void (async () => {
      for (let i = 0; i < missing.length && current(); i += ENTITY_NAMES_MAX) {
        const { names: found } = await send('entity.names', { keys: missing.slice(i, i + ENTITY_NAMES_MAX), lang });
        if (current()) setNames((m) => new Map([...m, ...Object.entries(found)]));
      }
    })().catch(() => {
      // The stored names stay on screen; these keys are asked again when the list next changes.
      for (const k of missing) seen.delete(k);
    });
  }, [wanted, lang]);
  return names;
}
