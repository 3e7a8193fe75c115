/**
 * Caps the content script applies before sending and the worker's schemas enforce: the content
 * script cannot import the zod schemas, and a value over a cap would lose the whole report.
 */
export const PAGE_LIMITS = { title: 500, url: 8_192 } as const;
