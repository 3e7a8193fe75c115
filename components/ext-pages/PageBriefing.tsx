import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import type { Briefing, BriefingEntity } from '@/utils/messaging/protocol';
import type { Note } from '@/utils/schema/note';
import { briefingToMarkdown } from '@/utils/export/briefing';
import { FactItem } from '../card/FactItem';
import { plural, t, uiLang } from '@/utils/i18n';
import { formatDay } from '@/utils/i18n/dates';

/**
 * The "This page" view: every entity the tab's page names, most mentioned first, with its summary,
 * key facts and the reader's notes, and a button that copies it all as Markdown. `version` changes
 * when the tab's state does, so the briefing follows the page.
 */
export function PageBriefing({ tabId, version, onOpen }: { tabId: number; version: unknown; onOpen: (key: string) => void }) {
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    send('page.briefing', { tabId, lang: uiLang() }).then(
      (b) => current && (setBriefing(b), setError(null)),
      (e) => current && setError((e as Error).message),
    );
    return () => void (current = false);
  }, [tabId, version]);

  // Written from the click itself: the clipboard accepts a write only during the reader's gesture.
  const copy = () => {
    if (!briefing) return;
    setStatus(null);
    navigator.clipboard.writeText(briefingToMarkdown(briefing, new Date().toISOString())).then(
      () => setStatus(t('panel.copied')),
      (e) => setStatus(`${t('panel.copyFailed')} ${(e as Error).message}`),
    );
  };

  if (error) return <p class="error">{error}</p>;
  if (!briefing) return <p class="muted small">{t('panel.loading')}</p>;
  return (
    <section class="briefing" aria-labelledby="briefing-title">
      <h1 id="briefing-title">{briefing.title || t('panel.viewPage')}</h1>
      <p class="muted small">{t('panel.briefingHint')}</p>
      <div class="briefing-actions">
        <button type="button" class="primary" disabled={!briefing.entities.length} onClick={copy}>
          {t('panel.copyMarkdown')}
        </button>
        <span class="small muted" role="status">
          {status}
        </span>
      </div>
      {briefing.entities.length > 1 && (
        // The whole page at a glance before the details: each name jumps to its part.
        <p class="briefing-toc small">
          {briefing.entities.map((e, i) => (
            <a key={e.key} href={`#briefing-${i}`}>
              {e.name} <span class="count">{e.count}</span>
            </a>
          ))}
        </p>
      )}
      {briefing.entities.length ? (
        <ol class="plain briefing-entities">
          {briefing.entities.map((e, i) => (
            <BriefingItem key={e.key} id={`briefing-${i}`} entity={e} onOpen={onOpen} />
          ))}
        </ol>
      ) : (
        <p class="muted small">{t('panel.nothingFound')}</p>
      )}
    </section>
  );
}

function BriefingItem({ id, entity: e, onOpen }: { id: string; entity: BriefingEntity; onOpen: (key: string) => void }) {
  const sources = new Map(e.sources.map((s) => [s.id, s]));
  const more = e.factCount - e.facts.length;
  return (
    <li class="briefing-entity" id={id} data-entity={e.key}>
      <h2 class="briefing-name">
        <button type="button" class="link" onClick={() => onOpen(e.key)}>
          {e.name}
        </button>{' '}
        <span class="count small">{plural('panel.mentionCount', e.count)}</span>
      </h2>
      <p class="summary" lang={e.lang}>
        {e.summary}
      </p>
      {e.facts.length > 0 && (
        <>
          <h3>{t('panel.keyFacts')}</h3>
          <ul class="plain">
            {e.facts.map((f) => (
              <FactItem key={f.id} fact={f} sources={sources} lang={e.lang} />
            ))}
          </ul>
        </>
      )}
      {more > 0 && (
        <p class="small">
          <button type="button" class="link" onClick={() => onOpen(e.key)}>
            {plural('panel.seeAllFacts', e.factCount)}
          </button>
        </p>
      )}
      {e.notes.length > 0 && (
        <>
          <h3>{t('panel.notes')}</h3>
          <ul class="plain briefing-notes">
            {e.notes.map((n) => (
              <BriefingNote key={n.id} note={n} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/** A note as the briefing reads it (editing stays in the entity's sheet). */
function BriefingNote({ note: n }: { note: Note }) {
  return (
    <li class="note">
      {n.quote && <blockquote class="note-quote">{n.quote}</blockquote>}
      <p class="note-text">{n.text}</p>
      <time dateTime={n.updatedAt}>{formatDay(n.updatedAt)}</time>
      {n.pageTitle && <span class="muted small"> · {n.pageTitle}</span>}
    </li>
  );
}
