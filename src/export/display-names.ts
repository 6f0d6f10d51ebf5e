/**
 * Service display names for exports. Customers never read a raw service id (FORMAT: the file's
 * `notice.services`, else the config's). This is the one place an export looks names up, so it
 * can be pointed at the notice module's lookup (file, then config) when that is available.
 */
import { isRecord } from '../model/guards.js';
import { keyPosition } from '../model/validate.js';
import type { Postmortem, Problem } from '../model/types.js';

/** Display names by service id and language, as the config's `notice.services` holds them. */
export type ServiceNames = Record<string, Partial<Record<string, string>>>;

/** The display name of a service in a language: the file's `notice.services`, else `configNames`; '' when none. */
export function serviceDisplayName(pm: Postmortem, id: string, lang: string, configNames: ServiceNames = {}): string {
  const notice = pm.data.notice;
  const fileNames = isRecord(notice) && isRecord(notice.services) ? notice.services[id] : undefined;
  const fromFile = isRecord(fileNames) ? fileNames[lang] : undefined;
  if (typeof fromFile === 'string' && fromFile.trim() !== '') return fromFile.trim();
  return configNames[id]?.[lang]?.trim() ?? '';
}

/** The affected service ids as written. */
export function serviceIds(pm: Postmortem): string[] {
  const services = pm.data.services;
  return Array.isArray(services) ? services.filter((s): s is string => typeof s === 'string') : [];
}

/** One problem per service without a display name in the language, at the service in `services`. */
export function missingDisplayNames(pm: Postmortem, lang: string, configNames: ServiceNames = {}): Problem[] {
  return serviceIds(pm).flatMap((id, i) =>
    serviceDisplayName(pm, id, lang, configNames) === ''
      ? [
          {
            ruleId: 'notice-services',
            severity: 'error' as const,
            message: `Expected a display name for service "${id}" in ${lang}, found none; add \`${id}: { ${lang}: "..." }\` under \`notice.services\`.`,
            ...keyPosition(pm, `services.${i}`),
          },
        ]
      : [],
  );
}
