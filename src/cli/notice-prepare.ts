/**
 * The core of `notice` and `publish`: from a parsed postmortem and the project's settings to the
 * text customers read, or the problems that stop it. No console, no exit codes; the CLI prints.
 */
import { checkFormat } from '../lint/check.js';
import { UsageError } from '../model/errors.js';
import type { LintSettings } from '../lint/types.js';
import { isTimeZone, type FormatOptions } from '../model/index.js';
import type { Postmortem, Problem } from '../model/types.js';
import { renderNotice } from '../render/notice.js';
import { checkNotice } from '../lint/notice-gate.js';
import { LANGUAGES, isLanguage, type Language } from '../language/index.js';
import { noticeSettingsOf } from '../lint/notice-settings.js';
import { buildNoticeView, noticeLanguages, type NoticeChannel, type NoticeView } from '../notice/view.js';
import { isFileZone, resolveNoticeZone, type ZoneSource } from '../notice/zone.js';

/** A request that cannot be served as asked (an unknown language or zone): a usage error for the CLI. */
export class NoticeRequestError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'NoticeRequestError';
  }
}

/** What to render: channel, language (default: the notice's first), zone flag, template overrides. */
export interface NoticeRequest {
  channel: NoticeChannel;
  lang?: string | undefined;
  /** `--timezone`, the strongest source of the zone. */
  timezone?: string | undefined;
  /** True when the text is read on its own (it then carries its headline as a title). */
  standalone?: boolean;
  /** Folder of template overrides (absolute). */
  templatesDir?: string | undefined;
  /** The project's format options (categories, sections), for validation; the settings' when absent. */
  format?: FormatOptions;
}

/** The notice, or why not: `invalid` (the postmortem fails validation) or `notice` (the notice's checks). */
export type PreparedNotice =
  | {
      ok: true;
      pm: Postmortem;
      lang: Language;
      view: NoticeView;
      text: string;
      /** Where the zone came from. */
      zoneSource: ZoneSource;
      /** Problems of severity warning: printed, not blocking. */
      warnings: Problem[];
    }
  | { ok: false; stage: 'invalid' | 'notice'; lang: Language; problems: Problem[] };

/** Checks the request's language against the notice; throws NoticeRequestError for one the tool cannot write. */
function requestedLanguage(pm: Postmortem, lang: string | undefined): Language {
  if (lang !== undefined && !isLanguage(lang))
    throw new NoticeRequestError(`--lang: expected one of ${LANGUAGES.join(', ')}, found "${lang}".`);
  const first = noticeLanguages(pm)[0];
  return lang ?? (isLanguage(first) ? first : 'en');
}

/**
 * Validates the postmortem, checks its notice for the language and channel with the project's
 * rule settings (those `lint` reads: `ruleSettingsOf`), and renders it. The
 * zone is `--timezone`, else the file's `timezone`, else the config's `notice.timezone`, else the
 * fixed offset of `started`: never the machine's.
 */
export async function prepareNotice(
  pm: Postmortem,
  request: NoticeRequest,
  settings: LintSettings,
): Promise<PreparedNotice> {
  if (request.timezone !== undefined && !isTimeZone(request.timezone)) {
    throw new NoticeRequestError(
      `--timezone: expected an IANA time zone such as Europe/Berlin or UTC, found "${request.timezone}".`,
    );
  }
  const lang = requestedLanguage(pm, request.lang);
  const format = { ...(request.format ?? settings.format), idMatchesFileName: false };
  const invalid = checkFormat(pm, { ...settings, format });
  if (invalid.length > 0) return { ok: false, stage: 'invalid', lang, problems: invalid };
  const found = checkNotice(pm, { lang, channel: request.channel }, settings);
  if (found.some((p) => p.severity === 'error')) return { ok: false, stage: 'notice', lang, problems: found };
  const notice = noticeSettingsOf(settings);
  // A file zone that `notice-timezone` refuses stops the notice above; with the rule off it is skipped.
  const configZone = notice.timezone;
  const resolved = resolveNoticeZone({
    flag: request.timezone,
    configForLanguage: typeof configZone === 'object' ? configZone[lang] : undefined,
    file: isFileZone(pm.data.timezone) ? pm.data.timezone : undefined,
    config: typeof configZone === 'string' ? configZone : undefined,
    started: pm.data.started,
  });
  if ('invalid' in resolved) {
    // Unreachable: --timezone and the config's zone are checked before; kept so a zone is never guessed.
    throw new NoticeRequestError(`${resolved.invalid}: expected an IANA time zone such as Europe/Berlin.`);
  }
  const view = buildNoticeView(pm, {
    lang,
    zone: resolved.zone,
    locale: notice.locale?.[lang],
    standalone: request.standalone ?? true,
    settings: notice,
  });
  const text = await renderNotice(
    view,
    request.channel,
    request.templatesDir ? { templatesDir: request.templatesDir } : {},
  );
  return { ok: true, pm, lang, view, text, zoneSource: resolved.source, warnings: found };
}
