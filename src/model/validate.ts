import {
  ACTION_ITEM_COLUMNS,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  ID_PATTERN,
  LESSONS_SUBSECTIONS,
  MOMENTS,
  NOTICE_FIELDS,
  NOTICE_LANGUAGES,
  REQUIRED_SECTIONS,
  ROOT_CAUSE_CATEGORIES,
  SECTION_ORDER,
  SEVERITIES,
  STATUSES,
  type FormatOptions,
} from './format.js';
import { MAX_INDENT, MAX_NESTING, tooDeepLine } from './body.js';
import { isRecord } from './guards.js';
import { idFromPath } from './parse.js';
import { FRONT_MATTER_TIMESTAMP, LOCAL_TIMESTAMP, parseInstant } from './timestamp.js';
import type { Position, Postmortem, Problem, ProblemSeverity } from './types.js';

/** A check of the model: one rule id, a pure function from a postmortem to problems. */
export interface ModelCheck {
  ruleId: string;
  severity: ProblemSeverity;
  check: (pm: Postmortem, options: FormatOptions) => Problem[];
}

/** Where a front-matter key (or its value) stands; the front matter's first line when absent. */
export function keyPosition(pm: Postmortem, path: string, part: 'key' | 'value' = 'value'): Position {
  const found = pm.keys.get(path);
  if (found) return found[part];
  const parent = path.includes('.') ? pm.keys.get(path.slice(0, path.lastIndexOf('.'))) : undefined;
  if (parent) return parent.key;
  return { line: 1, column: 1 };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value) ?? ''}`;
}

function maker(ruleId: string, severity: ProblemSeverity) {
  return (message: string, position: Position): Problem => ({ ruleId, severity, message, ...position });
}

function checkSchema(pm: Postmortem): Problem[] {
  const out: Problem[] = [];
  const report = maker('frontmatter-schema', 'error');
  const d = pm.data;
  const at = (key: string) => keyPosition(pm, key);
  const required = ['id', 'title', 'status', 'severity', 'authors', 'services', 'started', 'detected', 'impact'];
  for (const key of required) {
    if (d[key] === undefined || d[key] === null)
      out.push(report(`Expected front-matter key \`${key}\`, found none.`, at(key)));
  }
  const string = (key: string) => {
    const v = d[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.trim() === '')) {
      out.push(report(`Expected \`${key}\` to be non-empty text, found ${describe(v)}.`, at(key)));
      return false;
    }
    return typeof v === 'string';
  };
  string('id');
  if (string('title')) {
    const title = d.title as string;
    if (/[\r\n]/.test(title.trim())) out.push(report('Expected `title` on one line, found a line break.', at('title')));
    if (/\.\s*$/.test(title)) out.push(report('Expected `title` without a trailing period, found one.', at('title')));
  }
  const oneOf = (key: string, allowed: readonly string[]) => {
    const v = d[key];
    if (v !== undefined && v !== null && !allowed.includes(v as string)) {
      out.push(report(`Expected \`${key}\` to be one of ${allowed.join(', ')}, found ${describe(v)}.`, at(key)));
    }
  };
  oneOf('status', STATUSES);
  oneOf('severity', SEVERITIES);
  const list = (key: string, required: boolean) => {
    const v = d[key];
    if (v === undefined || v === null) return;
    if (!Array.isArray(v) || (required && v.length === 0)) {
      out.push(report(`Expected \`${key}\` to be a list with at least one entry, found ${describe(v)}.`, at(key)));
      return;
    }
    v.forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.trim() === '') {
        out.push(
          report(
            `Expected each entry of \`${key}\` to be non-empty text, found ${describe(entry)}.`,
            at(`${key}.${i}`),
          ),
        );
      }
    });
  };
  list('authors', true);
  list('services', true);
  list('tags', false);
  for (const moment of MOMENTS) {
    const v = d[moment];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      out.push(report(`Expected \`${moment}\` to be a timestamp written as text, found ${describe(v)}.`, at(moment)));
    }
  }
  const impact = d.impact;
  if (impact !== undefined && impact !== null) {
    if (!isRecord(impact)) {
      out.push(report(`Expected \`impact\` to be a mapping, found ${describe(impact)}.`, at('impact')));
    } else {
      const c = impact.customers_affected;
      if (c === undefined || c === null) {
        out.push(
          report(
            'Expected front-matter key `impact.customers_affected`, found none.',
            keyPosition(pm, 'impact', 'key'),
          ),
        );
      } else if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
        out.push(
          report(
            `Expected \`impact.customers_affected\` to be a whole number >= 0, found ${describe(c)}.`,
            at('impact.customers_affected'),
          ),
        );
      }
      if (impact.data_loss === undefined || impact.data_loss === null) {
        out.push(report('Expected front-matter key `impact.data_loss`, found none.', keyPosition(pm, 'impact', 'key')));
      } else if (typeof impact.data_loss !== 'boolean') {
        out.push(
          report(
            `Expected \`impact.data_loss\` to be true or false, found ${describe(impact.data_loss)}.`,
            at('impact.data_loss'),
          ),
        );
      }
      if (impact.description !== undefined && typeof impact.description !== 'string') {
        out.push(
          report(
            `Expected \`impact.description\` to be text, found ${describe(impact.description)}.`,
            at('impact.description'),
          ),
        );
      }
    }
  }
  const causes = d.root_causes;
  if (causes !== undefined && causes !== null) {
    if (!Array.isArray(causes)) {
      out.push(
        report(
          `Expected \`root_causes\` to be a list of {category, summary}, found ${describe(causes)}.`,
          at('root_causes'),
        ),
      );
    } else {
      causes.forEach((cause, i) => {
        if (!isRecord(cause)) {
          out.push(
            report(
              `Expected each root cause to be a mapping with category and summary, found ${describe(cause)}.`,
              at(`root_causes.${i}`),
            ),
          );
          return;
        }
        for (const key of ['category', 'summary']) {
          const v = cause[key];
          if (typeof v !== 'string' || v.trim() === '') {
            out.push(
              report(
                `Expected \`root_causes[${i}].${key}\` to be non-empty text, found ${describe(v)}.`,
                at(`root_causes.${i}.${key}`),
              ),
            );
          }
        }
      });
    }
  }
  out.push(...checkNoticeShape(pm, report));
  return out;
}

function checkNoticeShape(pm: Postmortem, report: (message: string, position: Position) => Problem): Problem[] {
  const notice = pm.data.notice;
  if (notice === undefined || notice === null) return [];
  const at = (key: string) => keyPosition(pm, key);
  if (!isRecord(notice))
    return [report(`Expected \`notice\` to be a mapping, found ${describe(notice)}.`, at('notice'))];
  const out: Problem[] = [];
  const languages = notice.languages;
  if (languages !== undefined) {
    if (!Array.isArray(languages) || languages.length === 0) {
      out.push(
        report(
          `Expected \`notice.languages\` to be a list like [en, de], found ${describe(languages)}.`,
          at('notice.languages'),
        ),
      );
    } else {
      languages.forEach((lang: unknown, i) => {
        if (!(NOTICE_LANGUAGES as readonly unknown[]).includes(lang)) {
          out.push(
            report(
              `Expected a notice language out of ${NOTICE_LANGUAGES.join(', ')}, found ${describe(lang)}.`,
              at(`notice.languages.${i}`),
            ),
          );
        }
      });
    }
  }
  for (const field of NOTICE_FIELDS) {
    const v = notice[field];
    if (v === undefined || v === null) continue;
    if (!isRecord(v)) {
      out.push(
        report(`Expected \`notice.${field}\` to map languages to text, found ${describe(v)}.`, at(`notice.${field}`)),
      );
      continue;
    }
    for (const [lang, text] of Object.entries(v)) {
      if (typeof text !== 'string') {
        out.push(
          report(
            `Expected \`notice.${field}.${lang}\` to be text, found ${describe(text)}.`,
            at(`notice.${field}.${lang}`),
          ),
        );
      }
    }
  }
  return out;
}

function checkTimestampOffsets(pm: Postmortem): Problem[] {
  const report = maker('timestamp-offset', 'error');
  const out: Problem[] = [];
  for (const moment of MOMENTS) {
    const v = pm.data[moment];
    if (typeof v !== 'string') continue;
    const at = keyPosition(pm, moment);
    if (FRONT_MATTER_TIMESTAMP.test(v)) {
      if (parseInstant(v) === null)
        out.push(report(`Expected \`${moment}\` to be a real date and time, found "${v}".`, at));
    } else if (LOCAL_TIMESTAMP.test(v)) {
      out.push(report(`Expected \`${moment}\` to end with an offset (\`Z\` or \`±HH:MM\`), found "${v}".`, at));
    } else {
      out.push(
        report(`Expected \`${moment}\` as ISO 8601 with an offset (e.g. 2017-09-21T14:02:00+02:00), found "${v}".`, at),
      );
    }
  }
  return out;
}

/** The moments of a postmortem as epoch milliseconds; absent or invalid moments are left out. */
export function momentInstants(data: Record<string, unknown>): Partial<Record<(typeof MOMENTS)[number], number>> {
  const out: Partial<Record<(typeof MOMENTS)[number], number>> = {};
  for (const moment of MOMENTS) {
    const v = data[moment];
    const ms = typeof v === 'string' ? parseInstant(v) : null;
    if (ms !== null) out[moment] = ms;
  }
  return out;
}

function checkMomentOrder(pm: Postmortem): Problem[] {
  const report = maker('moment-order', 'error');
  const instants = momentInstants(pm.data);
  const out: Problem[] = [];
  let previous: (typeof MOMENTS)[number] | null = null;
  for (const moment of MOMENTS) {
    const ms = instants[moment];
    if (ms === undefined) continue;
    if (previous !== null && ms < (instants[previous] as number)) {
      out.push(
        report(
          `Expected \`${moment}\` at or after \`${previous}\` (${String(pm.data[previous])}), found "${String(pm.data[moment])}".`,
          keyPosition(pm, moment),
        ),
      );
    } else {
      previous = moment;
    }
  }
  return out;
}

function checkStatusRequirements(pm: Postmortem): Problem[] {
  const report = maker('status-requirements', 'error');
  const status = pm.data.status;
  const at = keyPosition(pm, 'status');
  const out: Problem[] = [];
  const needed: string[] = [];
  if (status === 'final' || status === 'published') needed.push('mitigated', 'resolved', 'root_causes');
  else if (status === 'in-review') needed.push('root_causes');
  for (const key of needed) {
    const v = pm.data[key];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
      out.push(report(`Expected \`${key}\` in a postmortem with status ${String(status)}, found none.`, at));
    }
  }
  return out;
}

function checkIdFilename(pm: Postmortem, options: FormatOptions): Problem[] {
  const report = maker('id-filename', 'error');
  const id = pm.data.id;
  if (typeof id !== 'string') return [];
  const at = keyPosition(pm, 'id');
  const out: Problem[] = [];
  if (!ID_PATTERN.test(id) || !/^\d{4}-\d{2}-\d{2}/.test(id) || parseInstant(`${id.slice(0, 10)}T00:00Z`) === null) {
    out.push(
      report(`Expected \`id\` of the form YYYY-MM-DD-slug (slug of a-z, 0-9 and -, at most 60), found "${id}".`, at),
    );
  }
  if (options.idMatchesFileName !== false && /\.md$/i.test(pm.path)) {
    const expected = idFromPath(pm.path);
    if (expected !== id) out.push(report(`Expected \`id\` to equal the file name "${expected}", found "${id}".`, at));
  }
  return out;
}

function checkRootCauseCategory(pm: Postmortem, options: FormatOptions): Problem[] {
  const report = maker('root-cause-category', 'error');
  const causes = pm.data.root_causes;
  if (!Array.isArray(causes)) return [];
  const allowed = [...ROOT_CAUSE_CATEGORIES, ...(options.categories ?? [])];
  const out: Problem[] = [];
  causes.forEach((cause, i) => {
    if (!isRecord(cause) || typeof cause.category !== 'string') return;
    if (!allowed.includes(cause.category)) {
      out.push(
        report(
          `Expected a root-cause category out of ${allowed.join(', ')}, found "${cause.category}".`,
          keyPosition(pm, `root_causes.${i}.category`),
        ),
      );
    }
  });
  return out;
}

/** The required sections for the given options. */
export function requiredSections(options: FormatOptions): readonly string[] {
  return options.requiredSections ?? REQUIRED_SECTIONS;
}

function checkRequiredSections(pm: Postmortem, options: FormatOptions): Problem[] {
  const report = maker('required-sections', 'error');
  const level2 = pm.sections.filter((s) => s.depth === 2);
  const has = (title: string) => level2.some((s) => s.title.toLowerCase() === title.toLowerCase());
  const at = { line: pm.bodyStartLine, column: 1 };
  const out: Problem[] = [];
  for (const title of requiredSections(options)) {
    if (!has(title)) out.push(report(`Expected a section \`## ${title}\`, found none.`, at));
  }
  const lessons = level2.find((s) => s.title.toLowerCase() === 'lessons learned');
  if (lessons && requiredSections(options).some((s) => s.toLowerCase() === 'lessons learned')) {
    const subs = pm.sections.filter((s) => s.depth === 3 && s.line > lessons.line && s.line <= lessons.endLine);
    for (const title of LESSONS_SUBSECTIONS) {
      if (!subs.some((s) => s.title.toLowerCase() === title.toLowerCase())) {
        out.push(
          report(`Expected a subsection \`### ${title}\` under Lessons learned, found none.`, {
            line: lessons.line,
            column: 1,
          }),
        );
      }
    }
  }
  return out;
}

function checkSectionOrder(pm: Postmortem, options: FormatOptions): Problem[] {
  const report = maker('section-order', 'warning');
  const order = (options.sections ?? SECTION_ORDER).map((s) => s.toLowerCase());
  const out: Problem[] = [];
  let last = -1;
  let lastTitle = '';
  for (const section of pm.sections) {
    if (section.depth !== 2) continue;
    const index = order.indexOf(section.title.toLowerCase());
    if (index === -1) continue;
    if (index < last) {
      out.push(
        report(`Expected \`## ${section.title}\` before \`## ${lastTitle}\`, found it after.`, {
          line: section.line,
          column: 1,
        }),
      );
    } else {
      last = index;
      lastTitle = section.title;
    }
  }
  return out;
}

function checkTimelineFormat(pm: Postmortem): Problem[] {
  const report = maker('timeline-format', 'error');
  const out: Problem[] = [];
  const section = pm.sections.find((s) => s.depth === 2 && s.title.toLowerCase() === 'timeline');
  if (section && pm.timeline.length === 0) {
    out.push(
      report('Expected a list of timeline items (`- YYYY-MM-DD HH:MM ±HH:MM — event`), found none.', {
        line: section.line,
        column: 1,
      }),
    );
  }
  const deep = section ? tooDeepLine(section) : null;
  if (deep !== null) {
    out.push(
      report(
        `Expected timeline items nested at most ${MAX_NESTING} levels (or ${MAX_INDENT} columns) deep, found deeper nesting; those lines are not read.`,
        { line: deep, column: 1 },
      ),
    );
  }
  for (const item of pm.timeline) {
    const at = { line: item.line, column: item.column, endLine: item.endLine, endColumn: item.endColumn };
    const found = item.text.length > 40 ? `"${item.text.slice(0, 37)}..."` : `"${item.text}"`;
    if (!item.timestamp) {
      out.push(
        report(`Expected the item to start with a timestamp \`YYYY-MM-DD HH:MM\` and a zone, found ${found}.`, at),
      );
    } else if (!item.timestamp.zone) {
      out.push(
        report(`Expected a zone (\`Z\`, \`UTC\` or \`±HH:MM\`) after "${item.timestamp.text}", found none.`, at),
      );
    } else if (item.timestamp.instant === null) {
      out.push(report(`Expected a real date and time, found "${item.timestamp.text}".`, at));
    } else if (!item.separator) {
      out.push(
        report(
          `Expected a separator (\`—\`, \`–\`, \`-\` or \`:\`) after "${item.timestamp.text}", found ${found}.`,
          at,
        ),
      );
    } else if (item.event === '') {
      out.push(report(`Expected a description of the event after "${item.timestamp.text}", found none.`, at));
    }
  }
  return out;
}

function checkTimelineOrder(pm: Postmortem): Problem[] {
  const report = maker('timeline-order', 'error');
  const out: Problem[] = [];
  let previous: { instant: number; text: string } | null = null;
  for (const item of pm.timeline) {
    const instant = item.timestamp?.instant;
    if (instant === null || instant === undefined) continue;
    if (previous && instant < previous.instant) {
      out.push(
        report(
          `Expected timeline items in chronological order, found "${item.timestamp?.text}" after "${previous.text}".`,
          { line: item.line, column: item.column },
        ),
      );
    } else {
      previous = { instant, text: item.timestamp?.text ?? '' };
    }
  }
  return out;
}

function checkTimelineMoments(pm: Postmortem): Problem[] {
  const report = maker('timeline-moments', 'warning');
  if (pm.timeline.length === 0) return [];
  const instants = new Set(
    pm.timeline.map((i) => i.timestamp?.instant).filter((x): x is number => typeof x === 'number'),
  );
  const moments = momentInstants(pm.data);
  const out: Problem[] = [];
  for (const moment of MOMENTS) {
    const ms = moments[moment];
    if (ms !== undefined && !instants.has(ms)) {
      out.push(
        report(
          `Expected a timeline item at \`${moment}\` (${String(pm.data[moment])}), found none.`,
          keyPosition(pm, moment),
        ),
      );
    }
  }
  return out;
}

function actionSection(pm: Postmortem) {
  return pm.sections.find((s) => s.depth === 2 && s.title.toLowerCase() === 'action items');
}

function checkActionItemFields(pm: Postmortem): Problem[] {
  const report = maker('action-item-fields', 'error');
  const section = actionSection(pm);
  const table = pm.actionItems;
  if (!section) return [];
  if (!table) {
    return [
      report(`Expected a table with the columns ${ACTION_ITEM_COLUMNS.join(', ')}, found none.`, {
        line: section.line,
        column: 1,
      }),
    ];
  }
  const out: Problem[] = [];
  const columns = table.columns.map((c) => c.toLowerCase());
  for (const column of ACTION_ITEM_COLUMNS) {
    if (!columns.includes(column.toLowerCase())) {
      out.push(
        report(
          `Expected a column \`${column}\` in the action items table, found ${table.columns.join(', ') || 'none'}.`,
          { line: table.line, column: table.column },
        ),
      );
    }
  }
  for (const row of table.rows) {
    const checks: Array<[string, readonly string[]]> = [
      ['type', ACTION_ITEM_TYPES],
      ['status', ACTION_ITEM_STATUSES],
    ];
    for (const [key, allowed] of checks) {
      if (!columns.includes(key)) continue;
      const cell = row.cells[key];
      // A row shorter than the header has no cell for the last columns: that is an empty value.
      if (!cell || cell.text === '') {
        out.push(
          report(
            `Expected ${key} to be one of ${allowed.join(', ')}, found none.`,
            cell
              ? { line: cell.line, column: cell.column, endColumn: cell.endColumn }
              : { line: row.line, column: row.column },
          ),
        );
      } else if (!allowed.includes(cell.text.toLowerCase())) {
        out.push(
          report(`Expected ${key} to be one of ${allowed.join(', ')}, found "${cell.text}".`, {
            line: cell.line,
            column: cell.column,
            endColumn: cell.endColumn,
          }),
        );
      }
    }
    if (columns.includes('action') && (!row.cells.action || row.cells.action.text === '')) {
      out.push(report('Expected an action, found an empty cell.', { line: row.line, column: row.column }));
    }
  }
  return out;
}

function checkActionItemOwner(pm: Postmortem): Problem[] {
  const report = maker('action-item-owner', 'error');
  const table = pm.actionItems;
  if (!table || !table.columns.some((c) => c.toLowerCase() === 'owner')) return [];
  return table.rows
    .filter((row) => !row.cells.owner || row.cells.owner.text === '' || /^[-–—]$/.test(row.cells.owner.text))
    .map((row) => {
      const cell = row.cells.owner;
      return report(
        `Expected an owner for "${row.cells.action?.text ?? 'this action'}", found ${cell?.text ? `"${cell.text}"` : 'none'}.`,
        cell ? { line: cell.line, column: cell.column } : { line: row.line, column: row.column },
      );
    });
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseInstant(`${text}T00:00Z`) !== null;
}

function checkActionItemDue(pm: Postmortem): Problem[] {
  const report = maker('action-item-due', 'error');
  const table = pm.actionItems;
  if (!table || !table.columns.some((c) => c.toLowerCase() === 'due')) return [];
  return table.rows
    .filter((row) => !isIsoDate(row.cells.due?.text ?? ''))
    .map((row) => {
      const cell = row.cells.due;
      return report(
        `Expected a due date YYYY-MM-DD for "${row.cells.action?.text ?? 'this action'}", found ${cell?.text ? `"${cell.text}"` : 'none'}.`,
        cell ? { line: cell.line, column: cell.column } : { line: row.line, column: row.column },
      );
    });
}

/** Every check of FORMAT v1 the model knows, by rule id (shared with `postmortem lint`). */
export const MODEL_CHECKS: readonly ModelCheck[] = [
  { ruleId: 'frontmatter-schema', severity: 'error', check: checkSchema },
  { ruleId: 'timestamp-offset', severity: 'error', check: checkTimestampOffsets },
  { ruleId: 'moment-order', severity: 'error', check: checkMomentOrder },
  { ruleId: 'status-requirements', severity: 'error', check: checkStatusRequirements },
  { ruleId: 'id-filename', severity: 'error', check: checkIdFilename },
  { ruleId: 'required-sections', severity: 'error', check: checkRequiredSections },
  { ruleId: 'section-order', severity: 'warning', check: checkSectionOrder },
  { ruleId: 'timeline-format', severity: 'error', check: checkTimelineFormat },
  { ruleId: 'timeline-order', severity: 'error', check: checkTimelineOrder },
  { ruleId: 'timeline-moments', severity: 'warning', check: checkTimelineMoments },
  { ruleId: 'action-item-fields', severity: 'error', check: checkActionItemFields },
  { ruleId: 'action-item-owner', severity: 'error', check: checkActionItemOwner },
  { ruleId: 'action-item-due', severity: 'error', check: checkActionItemDue },
  { ruleId: 'root-cause-category', severity: 'error', check: checkRootCauseCategory },
];

/** Validates a parsed postmortem against FORMAT v1; returns problems sorted by position, never throws. */
export function validatePostmortem(pm: Postmortem, options: FormatOptions = {}): Problem[] {
  const problems = MODEL_CHECKS.flatMap((c) => c.check(pm, options));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
