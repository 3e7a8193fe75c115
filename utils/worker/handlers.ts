import type { Handlers } from './dispatch';
import { createHandlerKit, type BackgroundDeps } from './handlers-shared';
import { createWebPageHandlers } from './handlers-for-web-pages';
import { createPanelViewHandlers } from './handlers-panel-views';
import { createSettingsHandlers } from './handlers-settings';
import { createPackHandlers } from './handlers-packs';
import { createNoteHandlers } from './handlers-notes';
import { createFlagHandlers } from './handlers-flags';
import { createMuteHandlers } from './handlers-mutes';

export type { BackgroundDeps } from './handlers-shared';
export { PANEL_OPEN_INTERVAL_MS } from './handlers-for-web-pages';

/**
 * The worker's handlers by the tier allowed to call them: what web pages can reach, apart from what
 * only the extension's own pages can. One kit for both, so pack and settings changes drop the
 * dictionary the pages' lookups read.
 */
export function createHandlerGroups(deps: BackgroundDeps) {
  const kit = createHandlerKit(deps);
  return {
    forWebPages: createWebPageHandlers(deps, kit),
    forExtensionPages: {
      ...createPanelViewHandlers(deps, kit),
      ...createSettingsHandlers(deps, kit),
      ...createPackHandlers(deps, kit),
      ...createNoteHandlers(kit, deps.now),
      ...createFlagHandlers(deps, kit),
      ...createMuteHandlers(deps, kit),
    },
  };
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { forWebPages, forExtensionPages } = createHandlerGroups(deps);
  return { ...forWebPages, ...forExtensionPages };
}
