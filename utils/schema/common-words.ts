// Words too common to be strong aliases on their own: a strong alias that is one of these would
// light up every page. Short on purpose; pack authors mark such aliases "weak".
const WORDS = `
a an and are as at be by for from has have in is it its of on or that the this to was were will with
ring eye echo amazon apple meta target shell orange signal pegasus clear view clearview face faces
police state data search one first new time people world company group
le la les un une des de du et en est pour par sur dans avec au aux ce cette qui que pas plus
anneau oeil visage groupe société societe monde police données donnees recherche
`;
const SET = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isCommonWord(alias: string): boolean {
  return SET.has(alias.normalize('NFC').trim().toLowerCase());
}
