import type { Rule } from './types.js';

/**
 * The rules' ids, default severities and descriptions without their code, so a run that needs
 * none of them (every file cached) loads no parser. A test keeps it equal to the rule files.
 */
export const RULE_CATALOG: ReadonlyArray<Pick<Rule, 'id' | 'defaultLevel' | 'description'>> = [
  {
    id: 'frontmatter-schema',
    defaultLevel: 'error',
    description: 'Front matter has the keys, types and values of FORMAT v1.',
  },
  {
    id: 'timestamp-offset',
    defaultLevel: 'error',
    description: 'Front-matter timestamps carry an offset (Z or ±HH:MM).',
  },
  { id: 'moment-order', defaultLevel: 'error', description: 'started <= detected <= mitigated <= resolved.' },
  {
    id: 'status-requirements',
    defaultLevel: 'error',
    description: 'final/published need mitigated, resolved, root_causes; in-review needs root_causes.',
  },
  {
    id: 'id-filename',
    defaultLevel: 'error',
    description: 'id is YYYY-MM-DD-slug, equals the file name and is unique.',
  },
  { id: 'required-sections', defaultLevel: 'error', description: 'The required level-2 sections exist.' },
  { id: 'section-order', defaultLevel: 'warn', description: 'Sections appear in the configured order.' },
  {
    id: 'timeline-format',
    defaultLevel: 'error',
    description: 'Timeline items start with a timestamp with a zone and a separator.',
  },
  { id: 'timeline-order', defaultLevel: 'error', description: 'Timeline items are chronological.' },
  { id: 'timeline-moments', defaultLevel: 'warn', description: 'Each front-matter moment matches a timeline item.' },
  { id: 'action-item-owner', defaultLevel: 'error', description: 'Every action item row has an owner.' },
  {
    id: 'action-item-due',
    defaultLevel: 'error',
    description: 'Every action item row has a valid due date (YYYY-MM-DD).',
  },
  {
    id: 'action-item-fields',
    defaultLevel: 'error',
    description: 'The action items table has its columns; Type and Status take allowed values.',
  },
  { id: 'action-item-overdue', defaultLevel: 'off', description: 'Open action items past their due date.' },
  {
    id: 'root-cause-category',
    defaultLevel: 'error',
    description: 'Root-cause categories come from the taxonomy (plus config).',
  },
  {
    id: 'blameless-language',
    defaultLevel: 'warn',
    description: 'No blaming wording (English and German); word list extendable.',
  },
  {
    id: 'notice-leak',
    defaultLevel: 'error',
    description: 'The customer notice contains no internal details; patterns extendable.',
  },
  {
    id: 'no-placeholder',
    defaultLevel: 'error',
    description: 'No TODO, TBD, FIXME, ???, <...> or template text in final/published files.',
  },
];
