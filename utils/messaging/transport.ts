import { browser } from 'wxt/browser';

/** A structured error reply from the background (code from the protocol's error codes). */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const RETRYABLE = /Receiving end does not exist|Could not establish connection|message port closed/i;

/** Send one message to the background; a worker that was asleep or restarting gets one retry. */
export async function sendRaw(message: object): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch (e) {
    if (!RETRYABLE.test(String((e as Error)?.message ?? e))) throw e;
    await new Promise((r) => setTimeout(r, 150));
    return browser.runtime.sendMessage(message);
  }
}
