/**
 * The demo's notes library: a reader's notes (restored through the options page's own path, as a
 * backup would be), then the library with a search typed the way French readers type it, without
 * accents. Writes out/demo/7-library.png.
 */
import path from 'node:path';
import type { Session } from '../tests/support/harness';
import { notesToJson } from '../utils/export/json';
import type { Note } from '../utils/schema/note';

const CV = ['backstory.surveillance-tech:clearview-ai', 'Clearview AI'] as const;
const PIM = ['backstory.surveillance-tech:pimeyes', 'PimEyes'] as const;
const CNIL = ['backstory.platforms-privacy:cnil', 'CNIL'] as const;

type Draft = [entity: readonly [string, string], day: string, text: string, extra: Partial<Note>];

function notes(lang: string, demoPage: string): Note[] {
  const fr: Draft[] = [
    [
      CV,
      '2026-11-28',
      'Sécurité des données : la CNIL a prononcé une amende de 20 millions d’euros. Vérifier si elle a été payée.',
      {
        tags: ['RGPD', 'amende'],
        quote: 'La CNIL prononce une sanction de 20 millions d’euros à l’encontre de la société CLEARVIEW AI',
        pageUrl: 'https://www.cnil.fr/fr/reconnaissance-faciale-sanction',
        pageTitle: 'Reconnaissance faciale : sanction de 20 millions d’euros à l’encontre de Clearview AI',
      },
    ],
    [
      CV,
      '2026-11-27',
      'L’entreprise dit qu’un intrus a copié sa liste de clients : demander quelles polices françaises y figuraient.',
      {
        tags: ['police', 'à vérifier'],
        quote: 'un intrus a obtenu un accès non autorisé à sa liste de clients',
        pageUrl: demoPage,
        pageTitle: 'Clearview AI affirme qu’un intrus a volé sa liste de clients',
      },
    ],
    [
      PIM,
      '2026-11-20',
      'Moteur de recherche de visages ouvert à tous : la sécurité des enfants est-elle évoquée dans les CGU ?',
      {
        tags: ['à vérifier'],
        pageUrl: 'https://www.lemonde.fr/pixels/article/2026/11/20/pimeyes',
        pageTitle: 'PimEyes, le moteur qui retrouve n’importe quel visage',
      },
    ],
    [
      CNIL,
      '2026-11-12',
      'Mise en demeure restée sans réponse ; la sanction suit deux ans plus tard. Bon repère pour la chronologie.',
      { tags: ['RGPD'], pageUrl: 'https://www.cnil.fr/fr/mise-en-demeure-clearview', pageTitle: 'La CNIL met en demeure Clearview AI' },
    ],
    [
      CV,
      '2026-10-30',
      'Entretien avec l’avocat : la société conteste la compétence des autorités européennes.',
      {
        tags: ['interview'],
        quote: 'Clearview AI n’a aucun client en France',
        pageUrl: 'https://www.liberation.fr/economie/clearview-reponse',
        pageTitle: 'Clearview AI répond aux régulateurs',
      },
    ],
  ];
  const en: Draft[] = [
    [
      CV,
      '2026-11-28',
      'Data security: the CNIL fined the company €20 million. Check whether it was ever paid.',
      {
        tags: ['GDPR', 'fine'],
        quote: 'The CNIL imposes a penalty of 20 million euros on CLEARVIEW AI',
        pageUrl: 'https://www.cnil.fr/en/facial-recognition-fine',
        pageTitle: 'Facial recognition: 20 million euros penalty against Clearview AI',
      },
    ],
    [
      CV,
      '2026-11-27',
      'The company says an intruder copied its client list: ask which police forces were on it.',
      {
        tags: ['police', 'to check'],
        quote: 'an intruder gained unauthorized access to its list of customers',
        pageUrl: demoPage,
        pageTitle: 'Clearview AI says intruder took its client list',
      },
    ],
    [
      PIM,
      '2026-11-20',
      'Face search open to anyone: do the terms say anything about children’s security?',
      { tags: ['to check'], pageUrl: 'https://www.theguardian.com/technology/pimeyes', pageTitle: 'PimEyes finds any face' },
    ],
    [
      CNIL,
      '2026-11-12',
      'Formal notice went unanswered; the fine followed two years later. Useful for the timeline.',
      { tags: ['GDPR'], pageUrl: 'https://www.cnil.fr/en/formal-notice-clearview', pageTitle: 'CNIL orders Clearview AI to stop' },
    ],
  ];
  return (lang === 'en' ? en : fr).map(([[entityKey, entityName], day, text, extra], i) => ({
    id: `demo-note-${String(i).padStart(4, '0')}`,
    entityKey,
    entityName,
    text,
    createdAt: `${day}T15:${String(10 + i).padStart(2, '0')}:00.000Z`,
    updatedAt: `${day}T15:${String(10 + i).padStart(2, '0')}:00.000Z`,
    ...extra,
  }));
}

/** Seed the notes, open the library, type a search, screenshot it and print what it found. */
export async function showLibrary(s: Session, out: string, lang: string, demoPage: string): Promise<void> {
  const options = await s.context.newPage();
  await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  const text = notesToJson(notes(lang, demoPage), new Date().toISOString());
  const r = await options.evaluate(async (t) => (globalThis as any).chrome.runtime.sendMessage({ type: 'notes.import', text: t }), text);
  await options.close();
  if (!r?.ok || !r.data?.ok) throw new Error(`demo notes restore failed: ${JSON.stringify(r).slice(0, 300)}`);

  const library = await s.context.newPage();
  await library.setViewportSize({ width: 1040, height: 660 });
  await library.goto(`chrome-extension://${s.extensionId}/library.html`);
  await library.locator('.lib-note').first().waitFor();
  const query = lang === 'en' ? 'security' : 'securite';
  await library.getByRole('searchbox').pressSequentially(query);
  await library.waitForTimeout(300);
  await library.screenshot({ path: path.join(out, '7-library.png') });
  console.log(`\nNotes library — search "${query}": ${await library.getByTestId('match-count').textContent()}`);
  for (const t of await library.locator('.lib-note .lib-text').allTextContents()) console.log(`  · ${t}`);
  await library.close();
}
