// typescript-eslint, resolved next to the TypeScript 6 this package depends on (typescript-eslint
// takes TypeScript as a peer, and the root's TypeScript 7 has no JavaScript API for it to parse with).
import ts from 'typescript';
import tseslint from 'typescript-eslint';

export default tseslint;
export const { configs, parser, plugin } = tseslint;
/** The TypeScript that parses for ESLint (the root `tsc` stays 7). */
export const typescriptVersion = ts.version;
