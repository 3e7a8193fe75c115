import { LIMITS } from '../utils/schema/pack';

/** Deterministic, plausible names for benchmark packs: companies and people in several languages. */
const FIRST = [
  'Anna',
  'Lukas',
  'Chloé',
  'Mateo',
  'Sofía',
  'Jürgen',
  'Amélie',
  'Oskar',
  'Inès',
  'Björn',
  'Marta',
  'João',
  'Élodie',
  'Kenji',
  'Priya',
  'Omar',
  'Zoé',
  'Henrik',
  'Lucía',
  'Dmitri',
];
const LAST = [
  'Müller',
  'Lefèvre',
  'García',
  'Nakamura',
  'Okafor',
  'Schröder',
  'Dubois',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Lindqvist',
  'Moreau',
  'Fernández',
  'Novák',
  'Brennan',
  'Castellanos',
  'Øvergaard',
  'Wójcik',
  'Laurent',
  'Ibáñez',
];
const A = ['Nor', 'Vel', 'Cal', 'Ar', 'Bel', 'Tri', 'Zen', 'Quo', 'Lum', 'Ver', 'Sol', 'Mar', 'Kor', 'Pra', 'Del', 'Ori', 'Sta', 'Hal', 'Fen', 'Gri'];
const B = [
  'tex',
  'ora',
  'vian',
  'dex',
  'mira',
  'lis',
  'gon',
  'tria',
  'vox',
  'nia',
  'quent',
  'bel',
  'sys',
  'tica',
  'mont',
  'rix',
  'lor',
  'vance',
  'dyne',
  'ström',
];
const SUFFIX = ['Holdings', 'Labs', 'GmbH', 'SA', 'Analytics', 'Systems', 'Technologies', 'Group', 'Capital', 'Security', 'Vision', 'Data'];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid pack with `aliases` aliases, no facts: 4 per entity, or 5 when 4 would need more entities
 * than a pack may hold (the 1,000,000-alias tier: 200,000 entities, the schema's limit).
 */
export function generatePack(aliases: number) {
  const perEntity = aliases > 4 * LIMITS.entities ? 5 : 4;
  const rand = rng(aliases);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const entities = [];
  const seen = new Set<string>();
  let i = 0;
  while (entities.length * perEntity < aliases) {
    i++;
    const person = rand() < 0.4;
    const core = person ? `${pick(FIRST)} ${pick(LAST)}` : `${pick(A)}${pick(B)}${pick(B)}`;
    const name = person ? `${core} ${pick(A)}${pick(B)}` : `${core} ${pick(SUFFIX)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const al = person
      ? [name, `${name.split(' ')[0]} ${name.split(' ')[2]}`, `Dr. ${name}`, `${name.split(' ')[2]} ${name.split(' ')[1]}`]
      : [name, `${core} ${pick(SUFFIX)} ${i}`, `${core} Inc ${i}`, `${core}-${pick(B)} ${i}`];
    if (perEntity === 5) al.push(person ? `Prof. ${name}` : `${core} Co ${i}`);
    entities.push({
      id: `gen-${i}`,
      name,
      kind: person ? 'person' : 'organization',
      aliases: [...new Set(al.map((a) => a.toLowerCase()))].map((lower) => ({ text: al.find((a) => a.toLowerCase() === lower)! })),
      summary: { en: `Generated entity ${i}.` },
      facts: [],
      reviewed: '2026-11-01',
    });
  }
  return {
    schema: 1,
    id: `bench.gen-${aliases}`,
    name: `Benchmark ${aliases}`,
    version: '1.0.0',
    languages: ['en'],
    license: 'CC0-1.0',
    entities,
    sources: [],
  };
}
