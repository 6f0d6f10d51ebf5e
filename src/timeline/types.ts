/** What a source reader gives back: events at instants, and what it could not read. */

/** What kind of event a source line was: ranking and rewording depend on it. */
export type EventKind = 'page' | 'alert' | 'bot' | 'message' | 'commit' | 'tag' | 'note' | 'command';

/** One event read from a source, before it is placed in the postmortem's zone. */
export interface SourceEvent {
  /** Epoch milliseconds. */
  at: number;
  /** The event's words, already blameless (no speaker, mentions resolved to roles). */
  text: string;
  kind: EventKind;
  /** Where it came from, `file:line` or `file` (for messages and `--all` listings). */
  origin: string;
}

/** Something a source could not read; never a stop. */
export interface SourceMessage {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** A reader's result. */
export interface SourceResult {
  events: SourceEvent[];
  messages: SourceMessage[];
}

/** What every reader may need: the window, the incident's date and zone, the role map. */
export interface ReadContext {
  /** Events outside [since, until] are dropped by the reader where it can, early, for speed. */
  since: number;
  until: number;
  /** The IANA zone of the incident, or null (then `offset` applies everywhere). */
  zone: string | null;
  /** The fixed offset (minutes) when there is no zone: the offset of `started`. */
  offset: number;
  /** The incident's first day in its zone, `YYYY-MM-DD`, for times written without a date. */
  date: string;
  /** Handles, ids or names mapped to the role written instead of them. */
  roles: Record<string, string>;
  /** Slack channel name (`--channel`). */
  channel?: string;
}

/** The source kinds and their prefixes. */
export const SOURCE_KINDS = ['slack', 'pagerduty', 'opsgenie', 'git', 'text'] as const;

/** One of SOURCE_KINDS. */
export type SourceKind = (typeof SOURCE_KINDS)[number];
