/** A problem with one file that stats reports: `file:line:col: message`. */
export interface FileNote {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** One row of an action-items table, as stats and `actions` use it. */
export interface ActionItem {
  /** The postmortem's id (or its file name when the id is missing). */
  postmortem: string;
  path: string;
  line: number;
  action: string;
  /** Lower-cased as written; may be outside the format's list (a warning says so). */
  type: string;
  owner: string;
  /** `YYYY-MM-DD`, or null when missing or not a real date. */
  due: string | null;
  /** Lower-cased as written. */
  status: string;
  /** The ticket id, or null when the cell is missing, empty or a dash. */
  ticket: string | null;
}

/** The facts of one readable postmortem that the figures are computed from. */
export interface IncidentRecord {
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
  actionItems: ActionItem[];
}

/** What reading a set of files gave: records of the readable ones, and notes on the rest. */
export interface StatsInput {
  /** Every file looked at, readable or not. */
  files: number;
  records: IncidentRecord[];
  /** Files that could not be read or parsed at all: counted and listed, never dropped. */
  unreadable: FileNote[];
  /** Readable files with values the figures had to leave out (each note says which). */
  warnings: FileNote[];
}
