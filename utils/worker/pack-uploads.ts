import { MAX_PACK_CHUNKS, MAX_PACK_UPLOAD, PACK_CHUNK_CHARS, PACK_UPLOAD_IDLE_MS } from '../messaging/pack-upload-limits';

/** Why an upload step was refused; the handler turns it into the reader's sentence. */
export type UploadProblem = 'unknown' | 'too-large' | 'too-many-chunks' | 'bad-index' | 'duplicate' | 'overflow' | 'missing';

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem);
  }
}

interface Upload {
  chars: number;
  parts: (string | undefined)[];
  received: number;
  arrived: number;
  touched: number;
}

/** Uploads held at once; a new one past this drops the least recently touched (an abandoned page's). */
const MAX_OPEN = 3;

/**
 * Pack text arriving in chunks, held in memory until it is complete: nothing is parsed or written
 * before `take`, so an upload that never finishes costs nothing but memory, and loses it when it
 * idles out or the worker stops (the page then sees `unknown` and sends the file again).
 */
export function createPackUploads(now: () => number = Date.now, idleMs = PACK_UPLOAD_IDLE_MS) {
  const open = new Map<string, Upload>();
  let next = 0;

  const sweep = () => {
    for (const [id, u] of open) if (now() - u.touched > idleMs) open.delete(id);
  };
  const get = (id: string) => {
    sweep();
    const u = open.get(id);
    if (!u) throw new UploadError('unknown');
    return u;
  };

  return {
    /** Announce `chars` characters in `chunks` chunks; returns the id the chunks carry. */
    begin(chars: number, chunks: number): string {
      if (chars > MAX_PACK_UPLOAD) throw new UploadError('too-large');
      if (chunks > MAX_PACK_CHUNKS || chunks < Math.ceil(chars / PACK_CHUNK_CHARS) || chunks < 1) throw new UploadError('too-many-chunks');
      sweep();
      while (open.size >= MAX_OPEN) {
        const oldest = [...open].sort((a, b) => a[1].touched - b[1].touched)[0];
        if (!oldest) break;
        open.delete(oldest[0]);
      }
      // Unguessable is not needed (only extension pages reach these messages); unique per worker life is.
      const id = `u${++next}-${now().toString(36)}`;
      open.set(id, { chars, parts: new Array<string | undefined>(chunks), received: 0, arrived: 0, touched: now() });
      return id;
    },

    /** Store chunk `index`; any order. A repeat or a chunk past the announced size drops the upload. */
    chunk(id: string, index: number, text: string): { received: number } {
      const u = get(id);
      const fail = (p: UploadProblem) => (open.delete(id), new UploadError(p));
      if (index >= u.parts.length) throw fail('bad-index');
      if (u.parts[index] !== undefined) throw fail('duplicate');
      if (u.received + text.length > u.chars) throw fail('overflow');
      u.parts[index] = text;
      u.received += text.length;
      u.arrived++;
      u.touched = now();
      return { received: u.received };
    },

    /** The whole text, once every chunk arrived; the upload is gone afterwards, whatever the caller does with it. */
    take(id: string): string {
      const u = get(id);
      open.delete(id);
      if (u.arrived !== u.parts.length || u.received !== u.chars) throw new UploadError('missing');
      // One join, then the parts are released with the upload: one full copy of the text lives on.
      return u.parts.join('');
    },

    abort(id: string): void {
      open.delete(id);
    },

    /** Open uploads (tests; the worker never reports it). */
    size: () => (sweep(), open.size),
  };
}
