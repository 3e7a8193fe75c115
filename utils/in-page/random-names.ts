/**
 * Names the content script puts where page scripts can read them (highlight registry entries, the
 * card's tag and custom properties): drawn per page, so nothing the page reads is the same twice.
 */

/** Values drawn from the browser's cryptographic source at a time: a page's names take about 60. */
const POOL = 64;
let pool = new Uint32Array(0);
let next = 0;

/**
 * A uniform number in [0, 1) from the browser's cryptographic source. Drawn a pool at a time: each
 * getRandomValues call crosses into the browser's code, and the names of one page took some 60 of
 * them (4.5 ms a page in a CPU profile of the corpus).
 */
export const cryptoRandom = (): number => {
  if (next >= pool.length) {
    pool = crypto.getRandomValues(new Uint32Array(POOL));
    next = 0;
  }
  return (pool[next++] ?? 0) / 2 ** 32;
};

/** Lower-case letters only: always a valid CSS identifier, and as plain as any page's own names. */
export function randomIdent(random: () => number = cryptoRandom, length = 5 + Math.floor(random() * 5)): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(97 + Math.floor(random() * 26));
  return s;
}
