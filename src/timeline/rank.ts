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
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`);
}

/** Words and their weights; each pattern counts once per event. */
const SIGNALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:roll(?:ed|ing)?[ -]?back|rollback|revert(?:ed|ing)?|roll(?:ed)? forward)\b/, 4],
  [/\b(?:deploy(?:ed|ing|ment)?|released?|shipped|rolled out|rollout|rollover|hotfix)\b/, 3],
  [
    /\b(?:restart(?:ed|ing)?|reboot(?:ed)?|bounced|recycled|redeploy(?:ed)?|kill(?:ed)?|terminate|drained|cordoned|uncordoned)\b/,
    3,
  ],
  [/\b(?:fail(?:ed|ing)?[ -]?over|fail(?:ed)? back|failback|switch(?:ed)? over|promot(?:ed|ing)|cut ?over)\b/, 4],
  [
    words(
      'mitigat(?:ed|ion|ing)|resolved|recover(?:ed|y)|restor(?:ed|ing)|back to normal|back up|back online|back in',
      '(?:is|are) back|fully operational|all clear|(?:responding|working|flowing) again|in sync',
    ),
    4,
  ],
  [/\b(?:alert(?:s|ed|ing)?|fir(?:ed|ing)|paged|paging|triggered|pager)\b/, 3],
  [
    words(
      'incident|declar(?:ed|ing)|sev ?[0-4]|p[0-2]|status ?page|statuspage|status (?:is|set to) \\w+',
      'post(?:ed)? (?:an )?update|blog post|ticket|e-?mail(?:ed)?|mailed|closing|closed',
    ),
    3,
  ],
  [
    words(
      'outage|down|failing|failed|broken|degraded|unavailable|errors?|5\\d\\d|5xx|timeouts?|timed out|latency|spik(?:e|ed|es|ing)',
      'saturat\\w*|oom|oom-killer|crash(?:ed|ing)?|crashloop\\w*|full|not ?ready|unresponsive|unhealthy|hangs|lost|no nodes',
    ),
    2,
  ],
  [
    words(
      'disabl(?:ed|ing)|enabl(?:ed|ing)|turned (?:off|on)|paus(?:ed|ing)|resum(?:ed|ing)|block(?:ed|ing)|throttl\\w*|locked',
      'scal(?:ed|ing) (?:up|out|down|it|the|to)|added capacity|flag',
    ),
    2,
  ],
  // Changes made to the system and steps taken: what a timeline is mostly made of.
  [
    words(
      'removed|deleted|wiped|dropped|banned|executed|terminated|raised|lowered|increased|decreased|reduced|changed|applied',
      'mounted|copied|upgraded|downgraded|migrated|moved|purged|taken (?:down|offline)|brought (?:up|back)|marked|set',
      'start(?:ed|ing)|began|complet(?:ed|e)|finished|done|processed|published|updated|opened|added|sent|ran|running|merged',
      'tried|attempt(?:ed)?|second try|took|snapshot|joining the cluster|being added|new nodes?',
    ),
    2,
  ],
  [
    /\b(?:decided|decision|we will|going to|plan is|plan:|root cause|identified|found|caused by|culprit|correlat\w*)/,
    2,
  ],
  [/\b(?:customers?|users?|developers?|(?:dev )?team)(?: \w+)? (?:report|affected|impact|see|seeing|say|ack)\w*/, 2],
  [/\b(?:monitoring|stable|healthy|green|confirmed)\b/, 1],
];

const CHATTER = new RegExp(
  '^(?:ok(?:ay)?(?: good)?|k|thanks?(?: you| all| everyone)?|thx|ty|\\+1|lol|ack|on it|looking|looking into it|brb|yes|no|yep|nope|sure' +
    '|will do|joining|here|same|agreed|nice|great|cool|wat|ugh|damn|weird|oh no|coffee|lunch|morning|:\\w+:)[.!?]*$',
);

// Small talk and work in progress: said in every channel, seldom in a timeline.
const SMALL_TALK =
  /^(?:(?:good )?morning|hi|hey|heads up|lunch|coffee|great work|thanks|fingers crossed)\b|\b(?:still|catching up|drafting|writing the)\b/;

/** The score of one event. */
export function scoreEvent(event: Pick<SourceEvent, 'text' | 'kind'>): number {
  const text = event.text;
  // Every pattern is written in lower case: matching lower-cased text is much faster than /i.
  const lower = text.toLowerCase();
  let score = BASE[event.kind];
  for (const [pattern, weight] of SIGNALS) if (pattern.test(lower)) score += weight;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (CHATTER.test(lower.trim())) score -= 4;
  else if (words < 4) score -= 2;
  const question = /\?\s*$/.test(text);
  if (question) score -= 3;
  // A report of something done ("Raised max_connections …", "Decision: …") rather than a thought.
  else if (/^(?:[A-Za-z][a-z]+ed|Decision|Decided)\b/.test(text)) score += 1;
  const hedged =
    /^(?:i think|maybe|not sure|does anyone|anyone|can someone|could someone|should we|hmm|could be)\b/.test(lower);
  if (hedged) score -= 2;
  if (SMALL_TALK.test(lower)) score -= 2;
  // A plain statement of five words or more: what happened is said in sentences, chatter in fragments.
  else if (words >= 5 && !question && !hedged) score += 1;
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
