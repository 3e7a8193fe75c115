/**
 * Names the content script puts where page scripts can read them (highlight registry entries, the
 * card's tag and custom properties): drawn per page, so nothing the page reads is the same twice.
 */

/** A uniform number in [0, 1) from the browser's cryptographic source. */
export const cryptoRandom = (): number => {
  const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
  return n / 2 ** 32;
};

/** Lower-case letters only: always a valid CSS identifier, and as plain as any page's own names. */
export function randomIdent(random: () => number = cryptoRandom, length = 5 + Math.floor(random() * 5)): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(97 + Math.floor(random() * 26));
  return s;
}
