/**
 * The host (with its port, if any) of a URL, or null when there is no URL or it does not parse. A URL
 * without a host (file:, about:blank) gives an empty string. Imports nothing: any code may share it.
 */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The origin of a URL, or null when there is none (no URL, unparseable, or an opaque "null" origin). */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}
