/**
 * The entities muted on this page's site, as the content script knows them: from the worker's
 * `page.match` answers (which name the muted entities among those found in the text) and from its
 * `entity.muted` messages when the reader mutes or unmutes one. Kept in the content script's
 * isolated world; the page's own scripts see only that a name is not painted.
 */
export class PageMutes {
  private readonly keys = new Set<string>();
  /** Keys the worker has told us about since the page loaded: its message is newer than any answer in flight. */
  private readonly told = new Set<string>();

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Entities a `page.match` answer says are muted; an answer computed before a later message does not undo it. */
  learn(keys: readonly string[] | undefined) {
    for (const k of keys ?? []) if (!this.told.has(k)) this.keys.add(k);
  }

  /** The worker's (or this card's) word on one entity; true when that changed what we knew. */
  tell(key: string, muted: boolean): boolean {
    this.told.add(key);
    if (this.keys.has(key) === muted) return false;
    if (muted) this.keys.add(key);
    else this.keys.delete(key);
    return true;
  }
}
