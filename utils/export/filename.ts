// eslint-disable-next-line no-control-regex -- control characters are among what this replaces
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** A file name safe on every OS: no path separators, reserved names or control characters. */
export function safeFileName(base: string, ext: string): string {
  let s = base
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s)) s = `_${s}`;
  s = s.slice(0, 100) || 'backstory';
  return `${s}.${ext}`;
}
