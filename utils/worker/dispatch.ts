import { originOf } from '../url/host';
import { z } from 'zod';
import { protocol, type Envelope, type ErrorCode, type MessageType, type Req, type Res } from '../messaging/protocol';
import { problemLine } from '../schema/problems';

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

export interface HandlerContext {
  sender: SenderInfo;
  /** The sender's tab, from the browser (never from the payload). */
  tabId?: number;
}

export type Handlers = {
  [T in MessageType]: (req: z.output<(typeof protocol)[T]['req']>, ctx: HandlerContext) => Res<T> | Promise<Res<T>>;
};

const MessageShape = z.object({ type: z.string().max(40) }).loose();

/**
 * Which tier a sender belongs to, from what the browser says about it. Extension pages have our
 * origin; everything else (content scripts in web pages) is the untrusted "content" tier.
 */
export function senderTier(sender: SenderInfo, extensionId: string, extensionOrigin: string): 'extension' | 'content' | null {
  if (sender.id !== extensionId) return null;
  const origin = sender.origin ?? originOf(sender.url);
  if (origin === extensionOrigin) return 'extension';
  return 'content';
}

/**
 * Validate and dispatch one message. Never throws: every failure becomes a structured error reply.
 * Runs the handler synchronously up to its first await, which keeps a user gesture alive for APIs
 * such as sidePanel.open().
 */
export function dispatch(handlers: Handlers, msg: unknown, sender: SenderInfo, env: { extensionId: string; extensionOrigin: string }): Promise<Envelope> {
  const fail = (code: ErrorCode, message: string): Promise<Envelope> => Promise.resolve({ ok: false, error: { code, message } });
  const shape = MessageShape.safeParse(msg);
  if (!shape.success) return fail('bad-request', 'message must be an object with a string "type"');
  const type = shape.data.type;
  if (!Object.hasOwn(protocol, type)) return fail('bad-request', `unknown message type "${type.slice(0, 40)}"`);
  const def = protocol[type as MessageType];
  const tier = senderTier(sender, env.extensionId, env.extensionOrigin);
  if (!tier) return fail('forbidden', 'sender is not this extension');
  if (def.tier === 'extension' && tier !== 'extension') return fail('forbidden', `"${type}" is not available to web pages`);
  const { type: _t, ...body } = shape.data;
  let parsed: ReturnType<typeof def.req.safeParse>;
  try {
    parsed = def.req.safeParse(body);
  } catch {
    // zod gathers a child's issues with push(...issues): hundreds of thousands of bad items in one
    // array overflow the stack. Such a message is malformed, not an internal failure.
    return fail('bad-request', `"${type}" is malformed beyond what can be reported`);
  }
  if (!parsed.success)
    return fail(
      'bad-request',
      parsed.error.issues
        .slice(0, 5)
        .map((i) => problemLine({ path: i.path.join('.') || '(body)', message: i.message }))
        .join('; '),
    );
  const ctx: HandlerContext = { sender, tabId: sender.tab?.id };
  try {
    const result = (handlers[type as MessageType] as (r: unknown, c: HandlerContext) => unknown)(parsed.data, ctx);
    return Promise.resolve(result).then(
      (data) => ({ ok: true as const, data }),
      (e) => toError(e),
    );
  } catch (e) {
    return Promise.resolve(toError(e));
  }
}

function toError(e: unknown): Envelope {
  if (e instanceof MessageError) return { ok: false, error: { code: e.code, message: e.message } };
  return { ok: false, error: { code: 'internal', message: (e as Error)?.message ?? String(e) } };
}

export type { Req };
