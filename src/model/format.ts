/** Constants of the postmortem file format, contract v1 (see docs/format.md). */

/** Allowed values of `status`, in lifecycle order. */
export const STATUSES = ['draft', 'in-review', 'final', 'published'] as const;
/** Allowed values of `severity`. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
/** The built-in root-cause taxonomy. */
export const ROOT_CAUSE_CATEGORIES = [
  'failed-rollback',
  'untested-update',
  'missing-backup',
  'data-migration',
  'capacity',
  'network',
  'configuration',
  'dependency',
  'other',
] as const;
/** The front-matter moments, in the order they must occur. */
export const MOMENTS = ['started', 'detected', 'mitigated', 'resolved'] as const;
/** The required level-2 sections, in order. */
export const REQUIRED_SECTIONS = [
  'Summary',
  'Impact',
  'Timeline',
  'Root cause',
  'Detection',
  'Resolution',
  'Action items',
  'Lessons learned',
] as const;
/** The full section order, optional sections in their usual place. */
export const SECTION_ORDER = [
  'Summary',
  'Impact',
  'Trigger',
  'Timeline',
  'Root cause',
  'Detection',
  'Resolution',
  'Action items',
  'Lessons learned',
  'Supporting information',
] as const;
/** The level-3 sections under `Lessons learned`. */
export const LESSONS_SUBSECTIONS = ['What went well', 'What went wrong', 'Where we got lucky'] as const;
/** Columns of the action-items table; `Ticket` is optional. */
export const ACTION_ITEM_COLUMNS = ['Action', 'Type', 'Owner', 'Due', 'Status'] as const;
/** Allowed action-item types. */
export const ACTION_ITEM_TYPES = ['prevent', 'mitigate', 'detect', 'process'] as const;
/** Allowed action-item statuses. */
export const ACTION_ITEM_STATUSES = ['open', 'in-progress', 'done', 'wontfix'] as const;
/** The form of a postmortem id: `YYYY-MM-DD-slug`, slug `[a-z0-9-]`, at most 60 characters. */
export const ID_PATTERN = /^\d{4}-\d{2}-\d{2}-[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
/** Notice text fields, each a map of language to text. */
export const NOTICE_FIELDS = ['headline', 'what_happened', 'customer_impact', 'next_steps', 'apology'] as const;
/** Notice text fields a notice may have besides those: `status`, the short status-page wording (v1.2). */
export const NOTICE_OPTIONAL_FIELDS = ['status'] as const;

/** Values a project may configure (categories and sections); defaults come from FORMAT v1. */
export interface FormatOptions {
  categories?: readonly string[];
  sections?: readonly string[];
  requiredSections?: readonly string[];
  /** Whether `id` must equal the file name (lint: yes; a command handed one file by name: no). */
  idMatchesFileName?: boolean;
}
