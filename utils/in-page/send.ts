import { RequestError, sendRaw } from '../messaging/transport';
import type { MessageType, Req, Res } from '../messaging/protocol';

/**
 * The content script's client. It imports only types from the protocol: pulling zod into every
 * page would triple the content script (the background validates every request with zod; its
 * replies are trusted extension data that the card renders as text only).
 */
type ContentMessage = 'page.match' | 'entity.card' | 'page.report' | 'site.state' | 'panel.open' | 'mute.fromCard' | 'mute.undoFromCard';

export async function sendFromContentScript<T extends ContentMessage & MessageType>(type: T, body: Req<T>): Promise<Res<T>> {
  const raw = await sendRaw({ type, ...body });
  const env = raw as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (!env || typeof env !== 'object' || typeof env.ok !== 'boolean') throw new RequestError('internal', 'the background sent no valid reply');
  if (!env.ok) {
    const { code, message } = env.error ?? {};
    throw new RequestError(typeof code === 'string' ? code : 'internal', typeof message === 'string' ? message : 'request failed');
  }
  if (!env.data || typeof env.data !== 'object') throw new RequestError('internal', 'the background sent no data');
  return env.data as Res<T>;
}
