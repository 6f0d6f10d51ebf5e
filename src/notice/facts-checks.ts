/**
 * Checks of the facts a notice states: every service has a display name, e-mails have a
 * signature, the impact windows add up. Pure functions `(pm, settings) => findings`.
 */
import { isLanguage, languageModule } from '../language/index.js';
import { isRecord } from '../model/guards.js';
import { keyPosition } from '../model/validate.js';
import { checkImpactWindows } from '../model/windows.js';
import type { Finding, Postmortem } from '../model/types.js';
import type { NoticeSettings } from './settings.js';
import { languagesOf, noticeBlock } from './wording-checks.js';
import { isFileZone } from './zone.js';

/** A per-language text from the file's `notice.<key>` or else the config's, or '' when neither has it. */
function fileOrConfig(fileValue: unknown, configValue: Partial<Record<string, string>> | undefined, lang: string) {
  const fromFile = isRecord(fileValue) ? fileValue[lang] : undefined;
  const trimmed = typeof fromFile === 'string' ? fromFile.trim() : '';
  if (trimmed !== '') return trimmed;
  return configValue?.[lang]?.trim() ?? '';
}

/** The display name of a service id in a language: the file's `notice.services`, else the config's; '' when none. */
export function serviceDisplayName(pm: Postmortem, settings: NoticeSettings, id: string, lang: string): string {
  const fileNames = noticeBlock(pm)?.services;
  return fileOrConfig(isRecord(fileNames) ? fileNames[id] : undefined, settings.services[id], lang);
}

/** How e-mails are signed in a language: the file's `notice.signature`, else the config's; '' when none. */
export function noticeSignature(pm: Postmortem, settings: NoticeSettings, lang: string): string {
  return fileOrConfig(noticeBlock(pm)?.signature, settings.signature, lang);
}

/** The company's name: the file's `notice.company`, else the config's; '' when none. */
export function noticeCompany(pm: Postmortem, settings: NoticeSettings): string {
  const company = noticeBlock(pm)?.company;
  return typeof company === 'string' && company.trim() !== '' ? company.trim() : (settings.company ?? '');
}

/**
 * The affected services as customers know them in a language: one entry per display name, in the
 * file's order, with the first id that carries it. An internal component may share the name of what
 * customers use ("fragment-cache" is the web app to them). A service without a name shows its id,
 * which only happens where the `notice-services` check did not run or was turned off.
 */
export function customerServices(
  pm: Postmortem,
  settings: NoticeSettings,
  lang: string,
): Array<{ id: string; name: string }> {
  const byName = new Map<string, string>();
  for (const id of serviceIds(pm)) {
    const name = serviceDisplayName(pm, settings, id, lang) || id;
    if (!byName.has(name)) byName.set(name, id);
  }
  return [...byName].map(([name, id]) => ({ id, name }));
}

/** The affected service ids as written. */
export function serviceIds(pm: Postmortem): string[] {
  const services = pm.data.services;
  return Array.isArray(services) ? services.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * `notice-services`: customers never read a raw service id, so each one needs a display name per language,
 * without an article where the language module knows them: the name stands in a list and as a status-page component.
 */
export function checkServiceNames(pm: Postmortem, settings: NoticeSettings): Finding[] {
  if (!noticeBlock(pm)) return [];
  const out: Finding[] = [];
  const languages = languagesOf(pm, settings);
  serviceIds(pm).forEach((id, i) => {
    for (const lang of languages) {
      const name = serviceDisplayName(pm, settings, id, lang);
      const article = isLanguage(lang) ? languageModule(lang).leadingArticle : undefined;
      if (name !== '' && article?.test(name)) {
        const own = `notice.services.${id}.${lang}`;
        out.push({
          message:
            `Expected the display name of service "${id}" in ${lang} without an article, as a list and a status page ` +
            `show it, found ${JSON.stringify(name)}.`,
          ...(pm.keys.has(own) ? keyPosition(pm, own) : keyPosition(pm, `services.${i}`)),
        });
      }
      if (name !== '') continue;
      out.push({
        message:
          `Expected a display name for service "${id}" in ${lang}, found none; add \`${id}: { ${lang}: "..." }\` ` +
          'under `notice.services` in this file or in the config (.postmortemrc.json).',
        ...keyPosition(pm, `services.${i}`),
      });
    }
  });
  return out;
}

/** `notice-signature`: an e-mail ends with the company's signature. */
export function checkSignature(pm: Postmortem, settings: NoticeSettings): Finding[] {
  if (!noticeBlock(pm)) return [];
  return languagesOf(pm, settings)
    .filter((lang) => noticeSignature(pm, settings, lang) === '')
    .map((lang) => ({
      message:
        `Expected a signature for e-mails in ${lang}, found none; add \`notice.signature.${lang}\` ` +
        "to the config (.postmortemrc.json) or to this file's `notice` block.",
      ...keyPosition(pm, 'notice', 'key'),
    }));
}

/** `impact-windows`: the windows are ordered, do not overlap, start at `started` and end by `resolved`. */
export function checkWindows(pm: Postmortem): Finding[] {
  return checkImpactWindows(pm);
}

/** `notice-timezone`: the file's `timezone`, when it has one, is a zone notices can show times in. */
export function checkTimezone(pm: Postmortem): Finding[] {
  const zone = pm.data.timezone;
  if (zone === undefined || zone === null || isFileZone(zone)) return [];
  return [
    {
      message: `Expected \`timezone\` to be an IANA time zone such as Europe/Berlin (or an offset such as +02:00), found ${JSON.stringify(zone)}.`,
      ...keyPosition(pm, 'timezone'),
    },
  ];
}
