/**
 * Query parameters that name the content itself (an article, a video, a forum item). Everything
 * else in a query string may be a secret or a tracker: reset tokens, session ids, utm_*.
 */
const CONTENT_PARAMS = new Set(['id', 'p', 'v', 'page_id', 'article', 'story', 'item']);
/** Content ids are short plain words; anything longer or stranger may be a token under a benign name. */
const CONTENT_VALUE = /^[\w.-]{1,24}$/;

/**
 * The page URL as Backstory stores and exports it: no fragment, no user:password@, and only
 * allow-listed content-id parameters. Lookups clean their URL the same way, so they still match.
 */
export function cleanPageUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // Not parseable, so nothing can be kept safely except what comes before a query or fragment.
    return url.replace(/[?#][\s\S]*$/, '');
  }
  u.username = '';
  u.password = '';
  u.hash = '';
  const kept = new URLSearchParams();
  for (const [name, value] of u.searchParams) if (CONTENT_PARAMS.has(name) && CONTENT_VALUE.test(value)) kept.append(name, value);
  u.search = kept.toString();
  return u.href;
}
