/**
 * Whether a string starts as an http or https URL (`http://` or `https://`, any case). The one check
 * that keeps `javascript:` and `data:` out of stored sources and rendered links (docs/security.md,
 * item 20). Imports nothing: page code shares it.
 */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
