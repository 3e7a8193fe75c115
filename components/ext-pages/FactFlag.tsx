import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Flag, FlagKind } from '@/utils/schema/flag';
import { send } from '@/utils/ext-pages/send';
import { FLAG_LIMITS } from '@/utils/schema/flag';
import { t } from '@/utils/i18n';
import './flags.css';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The reader's flags on one entity's facts, by fact id. `onError` hears a failed load; a stale answer
 * (the reader moved to another entity meanwhile) is dropped.
 */
export function useFactFlags(entityKey: string | null, onError: (message: string) => void) {
  const [flags, setFlags] = useState<ReadonlyMap<string, Flag>>(new Map());
  const current = useRef(entityKey);
  useEffect(() => {
    current.current = entityKey;
    setFlags(new Map());
    if (!entityKey) return;
    send('flags.list', { entityKey }).then(
      (r) => current.current === entityKey && setFlags(new Map(r.flags.map((f) => [f.factId, f]))),
      (e) => onError(errorText(e)),
    );
  }, [entityKey]);
  const changed = (factId: string, flag: Flag | null) =>
    setFlags((m) => {
      const next = new Map(m);
      if (flag) next.set(factId, flag);
      else next.delete(factId);
      return next;
    });
  return { flags, changed };
}

export interface FactFlagProps {
  entityKey: string;
  factId: string;
  /** The sheet's language: the language of the fact text the flag keeps (the pack's, as shown). */
  lang: string;
  flag: Flag | undefined;
  onChange: (factId: string, flag: Flag | null) => void;
}

type Focus = 'open' | 'edit' | 'form' | null;

/**
 * "Flag this fact" under one fact of the side panel: an inline form (Wrong / Outdated, a reason), or
 * the flag as saved with Edit and Remove. Focus follows the reader between the two, and a failed
 * save keeps what they typed.
 */
export function FactFlag({ entityKey, factId, lang, flag, onChange }: FactFlagProps) {
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<FlagKind | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Where focus goes after the next render: the form just opened, or the button that replaced it.
  const focusNext = useRef<Focus>(null);
  // A layout effect: focus moves in the same frame the form opens or closes, never via the body.
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const selector = target === 'form' ? 'input[type=radio]:checked, input[type=radio]' : `[data-flag-action="${target}"]`;
    // A render that does not show the target yet (the parent's answer came first) leaves it for the next one.
    const el = root.current?.querySelector<HTMLElement>(selector);
    if (!el) return;
    focusNext.current = null;
    el.focus();
  });

  const open = () => {
    setKind(flag?.kind ?? null);
    setReason(flag?.reason ?? '');
    setError(null);
    setEditing(true);
    focusNext.current = 'form';
  };
  const close = () => {
    setEditing(false);
    setError(null);
    focusNext.current = flag ? 'edit' : 'open';
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!kind || !reason.trim()) return setError(t('panel.flagIncomplete'));
    setBusy(true);
    setError(null);
    try {
      const r = await send('flag.save', { entityKey, factId, kind, reason, lang });
      onChange(factId, r.flag);
      setEditing(false);
      focusNext.current = 'edit';
    } catch (err) {
      setError(`${t('panel.flagSaveFailed')} ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!flag || busy) return;
    setBusy(true);
    setError(null);
    try {
      await send('flag.delete', { id: flag.id });
      onChange(factId, null);
      focusNext.current = 'open';
    } catch (err) {
      setError(`${t('panel.flagRemoveFailed')} ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const hintId = `flag-hint-${factId}`;
  return (
    <div class="fact-flag" ref={root}>
      {editing ? (
        <form
          class="flag-form"
          aria-label={t('panel.flagThis')}
          onSubmit={save}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <fieldset>
            <legend>{t('panel.flagKind')}</legend>
            {(['wrong', 'outdated'] as const).map((k) => (
              <label key={k} class="flag-kind">
                <input type="radio" name={`flag-kind-${factId}`} value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
                {t(k === 'wrong' ? 'panel.flagWrong' : 'panel.flagOutdated')}
              </label>
            ))}
          </fieldset>
          <label class="flag-reason-field">
            {t('panel.flagReason')}
            <textarea
              value={reason}
              maxLength={FLAG_LIMITS.reason}
              aria-required="true"
              aria-describedby={hintId}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <p id={hintId} class="muted small">
            {t('panel.flagHint')}
          </p>
          <p>
            <button class="primary" type="submit" disabled={busy}>
              {t('panel.flagSave')}
            </button>{' '}
            <button type="button" onClick={close}>
              {t('panel.cancel')}
            </button>
          </p>
        </form>
      ) : flag ? (
        <p class="flag-note">
          <span class="flag-said">{t(flag.kind === 'wrong' ? 'panel.flaggedWrong' : 'panel.flaggedOutdated')}</span>{' '}
          <span class="flag-reason">{flag.reason}</span>{' '}
          <button type="button" class="small" data-flag-action="edit" onClick={open}>
            {t('panel.edit')}
          </button>{' '}
          <button type="button" class="small" disabled={busy} onClick={remove}>
            {t('panel.remove')}
          </button>
        </p>
      ) : (
        <button type="button" class="small flag-open" data-flag-action="open" onClick={open}>
          {t('panel.flagThis')}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
