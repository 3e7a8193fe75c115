import { browser } from 'wxt/browser';
import { Envelope, protocol, type MessageType, type Req, type Res } from './protocol';

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const RETRYABLE = /Receiving end does not exist|Could not establish connection|message port closed/i;

/**
 * Send one typed message to the background and check its reply against the protocol. A worker
 * that was asleep or restarting gets one retry.
 */
export async function send<T extends MessageType>(type: T, body: Req<T>): Promise<Res<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, ...body });
  } catch (e) {
    if (!RETRYABLE.test(String((e as Error)?.message ?? e))) throw e;
    await new Promise((r) => setTimeout(r, 150));
    raw = await browser.runtime.sendMessage({ type, ...body });
  }
  const env = Envelope.safeParse(raw);
  if (!env.success) throw new RequestError('internal', 'the background sent no valid reply');
  if (!env.data.ok) throw new RequestError(env.data.error.code, env.data.error.message);
  return protocol[type].res.parse(env.data.data) as Res<T>;
}
