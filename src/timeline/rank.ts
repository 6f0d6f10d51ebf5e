/**
 * Which candidates matter. Every event gets a score: a base by kind (a page or a tag is almost
 * always a timeline item, a chat message seldom), plus words that mark what timelines record
 * (deploys, rollbacks, restarts, failovers, alerts, mitigation, resolution, status changes,
 * decisions), minus what marks chatter (questions, thanks, "looking", one-word replies).
 * The preselection is every event scoring PRESELECT_SCORE or more, at most MAX_PRESELECTED
 * (the highest; ties go to the earlier), in time order. docs/timeline.md explains it with numbers.
 */
import type { EventKind, SourceEvent } from './types.js';

/** Score an event needs to be preselected. */
export const PRESELECT_SCORE = 3;
/** Most events preselected: an incident timeline holds 10–30 items. */
export const MAX_PRESELECTED = 30;

const BASE: Record<EventKind, number> = {
  page: 5,
  tag: 4,
  commit: 3,
  alert: 4,
  bot: 2,
  note: 2,
  command: 2,
  message: 0,
};

/** A case-insensitive pattern of whole words out of alternatives written over several lines. */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
}

/** Words and their weights; each pattern counts once per event. */
const SIGNALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:roll(?:ed|ing)?[ -]?back|rollback|revert(?:ed|ing)?|roll(?:ed)? forward)\b/i, 4],
  [/\b(?:deploy(?:ed|ing|ment)?|released?|shipped|rolled out|rollout|hotfix)\b/i, 3],
  [/\b(?:restart(?:ed|ing)?|reboot(?:ed)?|bounced|recycled|redeploy(?:ed)?|killed|drained)\b/i, 3],
  [/\b(?:fail(?:ed|ing)?[ -]?over|switch(?:ed)? over|promot(?:ed|ing)|cut ?over)\b/i, 4],
  [
    /\b(?:mitigat(?:ed|ion|ing)|resolved|recover(?:ed|y)|restor(?:ed|ing)|back to normal|back up|back online|fully operational|all clear)\b/i,
    4,
  ],
  [/\b(?:alert(?:s|ed|ing)?|fir(?:ed|ing)|paged|paging|triggered|pager)\b/i, 3],
  [
    /\b(?:incident (?:declared|opened|closed)|declar(?:ed|ing)|sev ?[0-4]|p[0-2]\b|status ?page|statuspage|post(?:ed)? (?:an )?update)\b/i,
    3,
  ],
  [
    /\b(?:outage|down|failing|failed|broken|degraded|unavailable|errors?|5\d\d|5xx|timeouts?|latency|spik(?:e|ed|ing)|saturat\w*|oom|crash(?:ed|ing)?|full)\b/i,
    2,
  ],
  [
    words(
      'disabl(?:ed|ing)|enabl(?:ed|ing)|turned (?:off|on)|paus(?:ed|ing)|resum(?:ed|ing)|block(?:ed|ing)|throttl\\w*',
      'scal(?:ed|ing) (?:up|out|down)|added capacity|flag',
    ),
    2,
  ],
  // Changes made to the system: what a timeline is mostly made of.
  [
    words(
      'removed|deleted|wiped|dropped|banned|executed|terminated|raised|lowered|increased|decreased|reduced|changed|applied',
      'mounted|copied|upgraded|downgraded|migrated|purged|taken (?:down|offline)|brought (?:up|back)',
    ),
    2,
  ],
  [/\b(?:decided|decision|we will|going to|plan is|root cause|identified|found the|caused by|culprit)\b/i, 2],
  [/\b(?:customers?|users?) (?:report|affected|impact|see|seeing)\w*/i, 2],
  [/\b(?:monitoring|stable|healthy|green|confirmed)\b/i, 1],
];

const CHATTER = new RegExp(
  '^(?:ok(?:ay)?|k|thanks?(?: you)?|thx|ty|\\+1|lol|ack|on it|looking|looking into it|brb|yes|no|yep|nope|sure|will do' +
    '|joining|here|same|agreed|nice|great|cool|:\\w+:)[.!]*$',
  'i',
);

/** The score of one event. */
export function scoreEvent(event: Pick<SourceEvent, 'text' | 'kind'>): number {
  const text = event.text;
  let score = BASE[event.kind];
  for (const [pattern, weight] of SIGNALS) if (pattern.test(text)) score += weight;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (CHATTER.test(text.trim())) score -= 4;
  else if (words < 4) score -= 2;
  if (/\?\s*$/.test(text)) score -= 3;
  // A report of something done ("Raised max_connections …", "Decision: …") rather than a thought.
  else if (/^(?:[A-Z][a-z]+ed|Decision|Decided)\b/.test(text)) score += 1;
  if (/^(?:i think|maybe|not sure|does anyone|anyone|can someone|could someone|should we)\b/i.test(text)) score -= 2;
  return score;
}

/** Indexes (into `events`) of the preselected events; `scores` are their scoreEvent values. */
export function preselect(events: readonly Pick<SourceEvent, 'at'>[], scores: readonly number[]): Set<number> {
  const scored = events.map((e, i) => ({ i, score: scores[i] as number, at: e.at }));
  const kept = scored
    .filter((s) => s.score >= PRESELECT_SCORE)
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, MAX_PRESELECTED);
  return new Set(kept.map((s) => s.i));
}
