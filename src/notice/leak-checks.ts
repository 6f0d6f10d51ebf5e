/**
 * `notice-leak` over everything customers read: the notice's own texts, and the display names and
 * signature, wherever they come from (file or config). The lint rule and `notice` both run this.
 */
import { checkNoticeLeaks, leakFinder, type Leak } from '../model/leak-detectors.js';
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
    languages: settings.languages,
  }).map(({ ruleId: _r, severity: _s, ...finding }) => finding);
  const notice = noticeBlock(pm);
  if (!notice) return out;
  const find = leakFinder({ authors: pm.data.authors, internalPatterns: settings.internalPatterns, publicContacts });
  const ids = serviceIds(pm);
  // A signature in the file is text of the notice block, which the model's finder has read already.
  const fileSignature = notice.signature;
  // Most texts have no leak: a position and a message are made only for those that have one.
  for (const lang of languagesOf(pm, settings)) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const found = find(serviceDisplayName(pm, settings, id, lang));
      if (found.length > 0) report(out, `the display name of "${id}"`, lang, found, keyPosition(pm, `services.${i}`));
    }
    if (!isRecord(fileSignature) || typeof fileSignature[lang] !== 'string') {
      const found = find(noticeSignature(pm, settings, lang));
      if (found.length > 0) report(out, 'the signature', lang, found, keyPosition(pm, 'notice', 'key'));
    }
  }
  return out;
}

function report(out: Finding[], what: string, lang: string, found: readonly Leak[], at: Position): void {
  for (const leak of found) {
    out.push({
      message: `Expected customer-facing text in ${what} (${lang}), found ${leak.what}: "${leak.text}".`,
      ...at,
    });
  }
}
