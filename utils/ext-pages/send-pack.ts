import { RequestError } from '../messaging/transport';
import { PACK_CHUNK_CHARS } from '../messaging/pack-upload-limits';
import type { Res } from '../messaging/protocol';
import { send } from './send';

export type PackReply = Res<'pack.upload.commit'>;

/**
 * Send a pack's text to the worker in chunks and have it preview or install it (`pack.upload.*`):
 * a pack of any allowed size takes the same path. If the worker lost the upload (it restarted
 * meanwhile), the whole text is sent once more; nothing was written, so repeating is safe.
 */
export async function sendPackText(
  text: string,
  action: 'preview' | 'import',
  opts: { discreet?: boolean; onProgress?: (sent: number, total: number) => void } = {},
): Promise<PackReply> {
  try {
    return await uploadOnce(text, action, opts);
  } catch (e) {
    if (!(e instanceof RequestError) || e.code !== 'not-found') throw e;
    return uploadOnce(text, action, opts);
  }
}

async function uploadOnce(
  text: string,
  action: 'preview' | 'import',
  { discreet, onProgress }: { discreet?: boolean; onProgress?: (sent: number, total: number) => void },
) {
  const chunks = Math.max(1, Math.ceil(text.length / PACK_CHUNK_CHARS));
  const { uploadId } = await send('pack.upload.begin', { chars: text.length, chunks });
  try {
    for (let i = 0; i < chunks; i++) {
      // One slice at a time: the page holds the file's text and one chunk, never a second full copy.
      await send('pack.upload.chunk', { uploadId, index: i, text: text.slice(i * PACK_CHUNK_CHARS, (i + 1) * PACK_CHUNK_CHARS) });
      onProgress?.(Math.min(text.length, (i + 1) * PACK_CHUNK_CHARS), text.length);
    }
  } catch (e) {
    await send('pack.upload.abort', { uploadId }).catch(() => undefined);
    throw e;
  }
  return send('pack.upload.commit', { uploadId, action, ...(discreet === undefined ? {} : { discreet }) });
}
