/**
 * `notice-leak` over everything customers read: the notice's own texts, and the display names and
 * signature, wherever they come from (file or config). The lint rule and `notice` both run this.
 */
import { checkNoticeLeaks, findLeaks } from '../model/leak-detectors.js';
import { isRecord } from '../model/guards.js';
import { keyPosition } from '../model/validate.js';
import type { Finding, Position, Postmortem } from '../model/types.js';
import { noticeSignature, serviceDisplayName, serviceIds } from './facts-checks.js';
import type { NoticeSettings } from './settings.js';
import { languagesOf, noticeBlock } from './wording-checks.js';

/** `notice-leak`: no internal detail in any text of the notice, a display name or the signature. */
export function checkLeaks(pm: Postmortem, settings: NoticeSettings): Finding[] {
  const publicContacts = settings.publicContacts ?? [];
  const out: Finding[] = checkNoticeLeaks(pm, {
    internalPatterns: settings.internalPatterns,
    publicContacts,
    ...(settings.languages ? { languages: settings.languages } : {}),
  }).map(({ ruleId: _r, severity: _s, ...finding }) => finding);
  if (!noticeBlock(pm)) return out;
  const options = { authors: pm.data.authors, internalPatterns: settings.internalPatterns, publicContacts };
  for (const lang of languagesOf(pm, settings)) {
    const named: Array<[string, string, Position]> = serviceIds(pm).map((id, i) => [
      `the display name of "${id}"`,
      serviceDisplayName(pm, settings, id, lang),
      keyPosition(pm, `services.${i}`),
    ]);
    // A signature in the file is text of the notice block, which the model's finder has read already.
    const fileSignature = noticeBlock(pm)?.signature;
    if (!isRecord(fileSignature) || typeof fileSignature[lang] !== 'string') {
      named.push(['the signature', noticeSignature(pm, settings, lang), keyPosition(pm, 'notice', 'key')]);
    }
    for (const [what, text, at] of named) {
      for (const leak of findLeaks(text, options)) {
        out.push({
          message: `Expected customer-facing text in ${what} (${lang}), found ${leak.what}: "${leak.text}".`,
          ...at,
        });
      }
    }
  }
  return out;
}
