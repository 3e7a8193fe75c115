import { RequestError, sendRaw } from '../messaging/transport';
import { Envelope, protocol, type MessageType, type Req, type Res } from '../messaging/protocol';

/**
 * Send one typed message to the background and check its reply against the protocol.
 */
export async function send<T extends MessageType>(type: T, body: Req<T>): Promise<Res<T>> {
  const raw = await sendRaw({ type, ...body });
  const env = Envelope.safeParse(raw);
  if (!env.success) throw new RequestError('internal', 'the background sent no valid reply');
  if (!env.data.ok) throw new RequestError(env.data.error.code, env.data.error.message);
  return protocol[type].res.parse(env.data.data) as Res<T>;
}
