/** Turns complete answers into FORMAT v1 front matter and the parts of the Markdown body. */
import { isTimeZone } from '../model/index.js';
import type { Answers } from './answers.js';
import { categoryDefinition } from './categories.js';

/** The body's parts as plain text, for `renderSource` (src/render/source.ts) to escape and place. */
export interface PostmortemContent {
  summary: string;
  impact: { customersAffected: number; dataLoss: boolean; description?: string };
  /** Timeline events, sorted, with ISO timestamps. */
  timeline: Array<{ at: string; event: string }>;
  rootCause?: string;
  causes: Array<{
    category: string;
    label: string;
    summary: string;
    followups: Array<{ label: string; answer: string }>;
  }>;
  fiveWhys: string[];
  detection: string;
  resolution: string;
  actionItems: Array<{ action: string; type: string; owner: string; due: string; status: string; ticket: string }>;
  lessons: { wentWell: string[]; wentWrong: string[]; gotLucky: string[] };
}

/** A postmortem ready to render: front-matter data and body content. */
export interface BuiltPostmortem {
  id: string;
  data: Record<string, unknown>;
  content: PostmortemContent;
}

function need<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new Error(`answer "${key}" is missing`);
  return value;
}

/** Builds the postmortem from complete answers (as `runInterview` returns them). */
export function buildPostmortem(a: Answers): BuiltPostmortem {
  const impact = need(a.impact, 'impact');
  const data: Record<string, unknown> = {
    id: need(a.id, 'id'),
    title: need(a.title, 'title'),
    status: a.status ?? 'draft',
    severity: need(a.severity, 'severity'),
    authors: need(a.authors, 'authors'),
    services: need(a.services, 'services'),
    started: need(a.started, 'started'),
    detected: need(a.detected, 'detected'),
    mitigated: need(a.mitigated, 'mitigated'),
    resolved: need(a.resolved, 'resolved'),
    // FORMAT 1.1: the zone the incident was lived in, for notices and `lint --fix`; names only.
    ...(a.timezone && /^[A-Za-z]{2}/.test(a.timezone) && isTimeZone(a.timezone) ? { timezone: a.timezone } : {}),
    impact: {
      customers_affected: need(impact.customers_affected, 'impact.customers_affected'),
      data_loss: need(impact.data_loss, 'impact.data_loss'),
      ...(impact.description ? { description: impact.description } : {}),
      ...(impact.windows && impact.windows.length > 0 ? { windows: impact.windows } : {}),
    },
    root_causes: need(a.root_causes, 'root_causes').map((c) => ({ category: c.category, summary: c.summary })),
  };
  if (a.tags && a.tags.length > 0) data.tags = a.tags;
  if (a.notice) data.notice = a.notice;
  const causes = (a.root_causes ?? []).map((c) => {
    const definition = categoryDefinition(c.category);
    const answers = a.followups?.[c.category] ?? {};
    const known = definition.followUps.filter((q) => answers[q.key] !== undefined && answers[q.key] !== '');
    const extra = Object.keys(answers).filter(
      (k) => !definition.followUps.some((q) => q.key === k) && answers[k] !== '',
    );
    return {
      category: c.category,
      label: definition.id === c.category ? definition.label : c.category,
      summary: c.summary,
      followups: [
        ...known.map((q) => ({ label: q.label, answer: answerText(answers[q.key] as string | boolean) })),
        ...extra.map((k) => ({ label: k.replace(/_/g, ' '), answer: answerText(answers[k] as string | boolean) })),
      ],
    };
  });
  return {
    id: data.id as string,
    data,
    content: {
      summary: need(a.summary, 'summary'),
      impact: {
        customersAffected: impact.customers_affected as number,
        dataLoss: impact.data_loss as boolean,
        ...(impact.description ? { description: impact.description } : {}),
      },
      timeline: need(a.timeline, 'timeline'),
      ...(a.root_cause ? { rootCause: a.root_cause } : {}),
      causes,
      fiveWhys: a.five_whys ?? [],
      detection: need(a.detection, 'detection'),
      resolution: need(a.resolution, 'resolution'),
      actionItems: need(a.action_items, 'action_items').map((i) => ({
        action: i.action,
        type: i.type,
        owner: i.owner,
        due: i.due,
        status: i.status ?? 'open',
        ticket: i.ticket ?? '',
      })),
      lessons: {
        wentWell: a.lessons?.went_well ?? [],
        wentWrong: a.lessons?.went_wrong ?? [],
        gotLucky: a.lessons?.got_lucky ?? [],
      },
    },
  };
}

function answerText(value: string | boolean): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
}
