import type { TFunction } from 'i18next';
import { ApiError } from './api';

/**
 * What went wrong, in the screen's language: a core message that comes with a key and values is rendered from the
 * translation tables; anything else (a message the core has no key for yet) is shown as the core wrote it.
 */
export function coreText(e: unknown, t: TFunction): string {
  if (e instanceof ApiError && e.say) return t(`core.${e.say.key}`, { ...e.say.values, defaultValue: e.message });
  return e instanceof Error ? e.message : String(e);
}
