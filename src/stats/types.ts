/** A problem with one file that stats reports: `file:line:col: message`. */
export interface FileNote {
  path: string;
  line: number;
  column: number;
  message: string;
}

/**
 * An action item as the figures use it. Its texts are in `ActionItemWithText`, which only the
 * outputs that list items (`stats --format csv`, `actions`) read: records without them keep a
 * quarter less (10,000 real-prose files hold 55,000 items).
 */
export interface ActionItem {
  /** The postmortem's id (or its file name when the id is missing). */
  postmortem: string;
  path: string;
  line: number;
  /** Lower-cased as written; may be outside the format's list (a warning says so). */
  type: string;
  owner: string;
  /** `YYYY-MM-DD`, or null when missing or not a real date. */
  due: string | null;
  /** Lower-cased as written. */
  status: string;
}

/** One row of an action-items table with its texts, as `actions` and `stats --format csv` list it. */
export interface ActionItemWithText extends ActionItem {
  action: string;
  /** The ticket id, or null when the cell is missing, empty or a dash. */
  ticket: string | null;
}

/** The action items a read gives: with their texts when `Texts` is true. */
export type ItemOf<Texts extends boolean> = Texts extends true ? ActionItemWithText : ActionItem;

/** How to read files for stats: `texts` keeps the action items' texts (off unless asked for). */
export interface ReadOptions<Texts extends boolean = false> {
  cwd: string;
  texts?: Texts;
}

/** The facts of one readable postmortem that the figures are computed from. */
export interface IncidentRecord<Item extends ActionItem = ActionItem> {
  path: string;
  id: string;
  /** `SEV1`..`SEV4`, or null when missing or invalid. */
  severity: string | null;
  services: string[];
  /** Root-cause categories, each once. */
  categories: string[];
  /** `started` as written, or null when missing or invalid. */
  started: string | null;
  startedMs: number | null;
  /** `YYYY-MM` of `started` as written (the wall clock of the incident). */
  month: string | null;
  /** `YYYY-Qn` of `started` as written. */
  quarter: string | null;
  /** Milliseconds from `started`; null when a moment is missing, invalid or out of order. */
  timeToDetect: number | null;
  timeToMitigate: number | null;
  timeToResolve: number | null;
  /** How long customers were affected, in milliseconds; null when unknown. */
  impactMs: number | null;
  /** True when `impactMs` is the sum of `impact.windows`. */
  impactFromWindows: boolean;
  customersAffected: number | null;
  actionItems: Item[];
}

/** What reading a set of files gave: records of the readable ones, and notes on the rest. */
export interface StatsInput<Item extends ActionItem = ActionItem> {
  /** Every file looked at, readable or not. */
  files: number;
  records: IncidentRecord<Item>[];
  /** Files that could not be read or parsed at all: counted and listed, never dropped. */
  unreadable: FileNote[];
  /** Readable files with values the figures had to leave out (each note says which). */
  warnings: FileNote[];
}
