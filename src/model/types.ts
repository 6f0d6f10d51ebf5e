/** A 1-based position in a source file. */
export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** What a pure check reports: a message and where; the caller (lint, notice) adds rule id and severity. */
export interface Finding extends Position {
  message: string;
}

/** Severity of a problem found in a postmortem. */
export type ProblemSeverity = 'error' | 'warning';

/** One problem found while parsing or validating a postmortem; never thrown. */
export interface Problem extends Position {
  /** Rule id, shared with `postmortem lint` (e.g. `frontmatter-schema`). */
  ruleId: string;
  message: string;
  severity: ProblemSeverity;
}

/** The front-matter block as it stands in the file. */
export interface FrontMatterBlock {
  /** YAML text between the delimiters. */
  raw: string;
  /** Line of the first YAML line (the line after the opening `---`). */
  contentStartLine: number;
  /** Line of the closing delimiter. */
  endLine: number;
}

/** Position of a front-matter key and of its value, by dotted path (`impact.data_loss`, `root_causes.0.category`). */
export interface KeyPosition {
  key: Position;
  value: Position;
}

/** A heading and the lines it owns, up to the next heading of the same or a higher level. */
export interface Section {
  title: string;
  depth: number;
  line: number;
  column: number;
  /** First line of the section's content (the line after the heading). */
  contentStartLine: number;
  /** Last line of the section's content (inclusive). */
  endLine: number;
  /** Markdown source of the section's content, without the heading. */
  content: string;
}

/** A timestamp as written in a timeline item. */
export interface TimelineTimestamp {
  text: string;
  /** Zone as written (`Z`, `UTC`, `+02:00`), or null when the item has none. */
  zone: string | null;
  /** Milliseconds since the epoch, or null when the zone is missing or the date is invalid. */
  instant: number | null;
  column: number;
  endColumn: number;
}

/** One item of the `Timeline` list. */
export interface TimelineItem {
  /** The item's text as written (first paragraph, lines joined with a space). */
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  timestamp: TimelineTimestamp | null;
  /** The separator as written (`—`, `–`, `-`, `:`), or null when none was found. */
  separator: string | null;
  /** What happened, after the separator (or the whole text when unparsable). */
  event: string;
}

/** One cell of an action-items table row. */
export interface TableCell {
  text: string;
  line: number;
  column: number;
  endColumn: number;
}

/** One row of the action-items table. */
export interface ActionItemRow {
  /** Cells by lower-cased column name (`action`, `type`, `owner`, `due`, `status`, `ticket`). */
  cells: Record<string, TableCell>;
  line: number;
  column: number;
  endColumn: number;
}

/** The action-items table of a postmortem. */
export interface ActionItemsTable {
  /** Column names as written in the header row. */
  columns: string[];
  line: number;
  column: number;
  rows: ActionItemRow[];
}

/** A parsed postmortem: front matter, body and the structures tools compute with. */
export interface Postmortem {
  path: string;
  source: string;
  /**
   * The front matter as read from the YAML, before any check; unknown keys are kept. Its values are
   * `unknown` on purpose: lint reads files that fail the front-matter schema, and so do render and
   * notice when a config turns `frontmatter-schema` off. Data that passed the schema has the type
   * `FrontMatter` (src/schema/frontmatter.ts).
   */
  data: Record<string, unknown>;
  frontMatter: FrontMatterBlock | null;
  /** Positions of front-matter keys and values by dotted path. */
  keys: Map<string, KeyPosition>;
  body: string;
  /** Line of the body's first line in the file. */
  bodyStartLine: number;
  /** Headings of level 1 to 3 in the body, in order. */
  sections: Section[];
  timeline: TimelineItem[];
  actionItems: ActionItemsTable | null;
}

/** The result of parsing: the postmortem (when the file could be read at all) and problems. */
export interface ParseResult {
  postmortem: Postmortem;
  /** Problems that stopped the front matter or body from being read (fatal for tools). */
  problems: Problem[];
}
