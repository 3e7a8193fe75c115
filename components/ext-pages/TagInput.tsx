import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { addTags, splitTagInput, suggestTags, type TagCount } from '@/utils/schema/note-tags';
import { t } from '@/utils/i18n';

/** The tags on the reader's notes, most used first, asked once per mount; none if the worker cannot say. */
export function useTagsInUse(): readonly TagCount[] {
  const [tags, setTags] = useState<readonly TagCount[]>([]);
  useEffect(() => {
    let live = true;
    send('notes.tags', {}).then(
      (r) => live && setTags(r.tags),
      // Suggestions are a convenience: without them the reader still types tags.
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return tags;
}

export interface TagInputProps {
  tags: readonly string[];
  /** What is typed and not yet a tag: the form adds it to the tags when it saves. */
  typed: string;
  onChange: (tags: string[], typed: string) => void;
  inUse: readonly TagCount[];
}

/**
 * Tags as chips with remove buttons, a text box (a comma or Enter makes a tag; Backspace in the empty
 * box takes the last one back) and the tags in use that match what is typed, one click away.
 * Controlled: the form holds the tags and the typed text.
 */
export function TagInput({ tags, typed, onChange, inUse }: TagInputProps) {
  const onInput = (e: Event) => {
    const { tags: done, rest } = splitTagInput((e.target as HTMLInputElement).value);
    onChange(done.length ? addTags(tags, done) : [...tags], rest);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Ctrl/Cmd+Enter belongs to the form (save); a plain Enter makes a tag rather than submitting.
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (typed.trim()) onChange(addTags(tags, [typed]), '');
    } else if (e.key === 'Backspace' && typed === '' && tags.length) {
      e.preventDefault();
      const last = tags[tags.length - 1] ?? '';
      onChange(tags.slice(0, -1), last);
    }
  };
  const suggestions = suggestTags(inUse, tags, typed, 6);
  return (
    <div class="tag-input">
      {tags.length > 0 && (
        <ul class="plain tag-chips">
          {tags.map((tag) => (
            <li class="tag-chip" key={tag.toLocaleLowerCase()}>
              {tag}
              <button
                type="button"
                class="tag-remove"
                aria-label={t('panel.removeTag', { tag })}
                onClick={() =>
                  onChange(
                    tags.filter((x) => x !== tag),
                    typed,
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="text"
        aria-label={t('panel.tags')}
        placeholder={t('panel.tagPlaceholder')}
        value={typed}
        onInput={onInput}
        onKeyDown={onKeyDown}
        maxLength={400}
      />
      {suggestions.length > 0 && (
        <p class="tag-suggestions small">
          <span class="muted">{t('panel.suggestedTags')}</span>{' '}
          {suggestions.map((tag) => (
            <button type="button" class="tag-suggestion" key={tag} aria-label={t('panel.addTag', { tag })} onClick={() => onChange(addTags(tags, [tag]), '')}>
              {tag}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}

/** A note's tags, read-only. */
export function TagList({ tags }: { tags: readonly string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <ul class="plain tag-chips note-tags">
      {tags.map((t) => (
        <li class="tag-chip" key={t}>
          {t}
        </li>
      ))}
    </ul>
  );
}
