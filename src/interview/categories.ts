/** The root-cause taxonomy as data: follow-up questions, suggested remediations, notice wording. */
import type { ACTION_ITEM_TYPES, ROOT_CAUSE_CATEGORIES } from '../model/index.js';

/** A root-cause category of FORMAT v1. */
export type Category = (typeof ROOT_CAUSE_CATEGORIES)[number];
/** An action-item type of FORMAT v1. */
export type ActionType = (typeof ACTION_ITEM_TYPES)[number];

/** One follow-up question of a category; `label` heads the answer in the Root cause section. */
export interface FollowUp {
  key: string;
  label: string;
  message: string;
  kind: 'input' | 'confirm' | 'select';
  /** Choices of a `select` follow-up. */
  choices?: readonly string[];
}

/** A remediation a category suggests; the engineer accepts, edits or drops it. */
export interface Remediation {
  action: string;
  type: ActionType;
}

/** Everything the interview knows about one category. */
export interface CategoryDefinition {
  id: Category;
  label: string;
  description: string;
  followUps: readonly FollowUp[];
  remediations: readonly Remediation[];
  /** A customer-facing sentence for the notice draft (no internal detail). */
  notice: { en: string; de: string };
}

/** The built-in categories, in the order FORMAT v1 lists them. */
export const CATEGORIES: readonly CategoryDefinition[] = [
  {
    id: 'failed-rollback',
    label: 'Failed rollback',
    description: 'going back to the previous version did not work or made it worse',
    followUps: [
      {
        key: 'expected',
        label: 'What should have happened',
        message: 'What should the rollback have done?',
        kind: 'input',
      },
      {
        key: 'rehearsed',
        label: 'Rollback rehearsed before',
        message: 'Was this rollback rehearsed before?',
        kind: 'confirm',
      },
      { key: 'why_failed', label: 'Why the rollback failed', message: 'Why did the rollback fail?', kind: 'input' },
      {
        key: 'manual_recovery',
        label: 'Manual recovery took',
        message: 'How long did the manual recovery take (e.g. 2 h 30 min)?',
        kind: 'input',
      },
    ],
    remediations: [
      { action: 'Rehearse the rollback of every release in staging before production', type: 'process' },
      { action: 'Make the rollback cover every component of a release', type: 'mitigate' },
      { action: 'Run a rollback drill on the next game day', type: 'process' },
    ],
    notice: {
      en: 'A software update did not work as intended, and returning to the previous version took longer than planned.',
      de: 'Ein Software-Update funktionierte nicht wie vorgesehen, und die Rückkehr zur vorherigen Version dauerte länger als geplant.',
    },
  },
  {
    id: 'untested-update',
    label: 'Untested update',
    description: 'a change reached production without passing a test stage',
    followUps: [
      {
        key: 'skipped_stage',
        label: 'Test stage skipped',
        message: 'Which test stage was skipped?',
        kind: 'select',
        choices: ['staging', 'canary', 'load test', 'other'],
      },
      { key: 'why_skipped', label: 'Why it was skipped', message: 'Why was it skipped?', kind: 'input' },
    ],
    remediations: [
      { action: 'Roll out updates in stages: canary first, then a growing share of traffic', type: 'prevent' },
      { action: 'Block releases that have not passed the staging stage', type: 'prevent' },
      { action: 'Add a load test for changes on the critical path', type: 'prevent' },
    ],
    notice: {
      en: 'A software update caused an error that our tests had not caught before the release.',
      de: 'Ein Software-Update verursachte einen Fehler, den unsere Tests vor der Veröffentlichung nicht erkannt hatten.',
    },
  },
  {
    id: 'missing-backup',
    label: 'Missing backup',
    description: 'a backup was missing, incomplete or could not be restored',
    followUps: [
      {
        key: 'last_restore_test',
        label: 'Restore last tested',
        message: 'When was a restore last tested (a date, or "never")?',
        kind: 'input',
      },
      {
        key: 'unrecoverable',
        label: 'Data that cannot be recovered',
        message: 'What data cannot be recovered?',
        kind: 'input',
      },
      {
        key: 'rpo',
        label: 'Recovery point objective',
        message: 'What is the recovery point objective (how much data may be lost)?',
        kind: 'input',
      },
      {
        key: 'rto',
        label: 'Recovery time objective',
        message: 'What is the recovery time objective (how long a restore may take)?',
        kind: 'input',
      },
    ],
    remediations: [
      { action: 'Test restoring from backup automatically every week', type: 'detect' },
      { action: 'Alert when the newest backup is older than the recovery point objective', type: 'detect' },
      { action: 'Agree and document recovery point and time objectives for every data store', type: 'process' },
    ],
    notice: {
      en: 'Stored data was damaged, and we did not have a complete, working backup of it.',
      de: 'Gespeicherte Daten wurden beschädigt, und wir hatten davon keine vollständige, funktionierende Sicherung.',
    },
  },
  {
    id: 'data-migration',
    label: 'Data migration',
    description: 'moving or transforming data went wrong',
    followUps: [
      {
        key: 'migrated',
        label: 'What was migrated',
        message: 'What data was being migrated, and from where to where?',
        kind: 'input',
      },
      {
        key: 'dry_run',
        label: 'Dry run on a copy of production data',
        message: 'Was the migration dry-run on a copy of production data?',
        kind: 'confirm',
      },
      { key: 'reversible', label: 'Reversible', message: 'Could the migration be reversed?', kind: 'confirm' },
    ],
    remediations: [
      { action: 'Dry-run every migration against a copy of production data', type: 'prevent' },
      { action: 'Write and test a reverse migration for every migration', type: 'mitigate' },
      { action: 'Take a verified backup right before each migration', type: 'mitigate' },
    ],
    notice: {
      en: 'Planned maintenance on how we store data did not go as intended.',
      de: 'Geplante Wartungsarbeiten an unserer Datenspeicherung verliefen nicht wie vorgesehen.',
    },
  },
  {
    id: 'capacity',
    label: 'Capacity',
    description: 'a resource ran out: CPU, memory, disk, connections, quota',
    followUps: [
      { key: 'resource', label: 'Resource that ran out', message: 'Which resource ran out?', kind: 'input' },
      { key: 'forecast', label: 'Growth forecast', message: 'Was the growth forecast?', kind: 'confirm' },
      {
        key: 'headroom',
        label: 'Headroom before the incident',
        message: 'How much headroom was there before the incident?',
        kind: 'input',
      },
    ],
    remediations: [
      { action: 'Alert when a resource crosses 80 percent of its limit', type: 'detect' },
      { action: 'Review capacity forecasts every quarter', type: 'process' },
      { action: 'Load test to the next expected peak', type: 'prevent' },
    ],
    notice: {
      en: 'Our systems received more load than they were prepared for.',
      de: 'Unsere Systeme erhielten mehr Last, als sie verarbeiten konnten.',
    },
  },
  {
    id: 'network',
    label: 'Network',
    description: 'a link, route, DNS or load balancer failed',
    followUps: [
      {
        key: 'component',
        label: 'Component that failed',
        message: 'Which network component or link failed?',
        kind: 'input',
      },
      { key: 'redundancy', label: 'Redundant path in place', message: 'Was there a redundant path?', kind: 'confirm' },
    ],
    remediations: [
      { action: 'Add a redundant path for the affected link', type: 'prevent' },
      { action: 'Monitor the link from outside our own network', type: 'detect' },
    ],
    notice: {
      en: 'A network problem kept requests from reaching our systems.',
      de: 'Ein Netzwerkproblem verhinderte, dass Anfragen unsere Systeme erreichten.',
    },
  },
  {
    id: 'configuration',
    label: 'Configuration',
    description: 'a configuration change or a missing setting',
    followUps: [
      {
        key: 'change',
        label: 'Configuration change',
        message: 'Which configuration change was involved?',
        kind: 'input',
      },
      {
        key: 'reviewed',
        label: 'Change reviewed',
        message: 'Was the change reviewed before it was applied?',
        kind: 'confirm',
      },
      { key: 'validated', label: 'How it was validated', message: 'How was the change validated?', kind: 'input' },
    ],
    remediations: [
      { action: 'Validate configuration changes automatically before they are applied', type: 'prevent' },
      { action: 'Roll out configuration changes in stages', type: 'prevent' },
      { action: 'Require a review for every production configuration change', type: 'process' },
    ],
    notice: {
      en: 'A change to the settings of our systems did not work as intended.',
      de: 'Eine Änderung an den Einstellungen unserer Systeme funktionierte nicht wie vorgesehen.',
    },
  },
  {
    id: 'dependency',
    label: 'Dependency',
    description: 'a provider, library or internal service we depend on failed',
    followUps: [
      { key: 'dependency', label: 'Dependency', message: 'Which dependency failed?', kind: 'input' },
      {
        key: 'learned_from',
        label: 'How we learned of it',
        message: 'How did you learn that it failed?',
        kind: 'input',
      },
      { key: 'fallback', label: 'Fallback in place', message: 'Was there a fallback?', kind: 'confirm' },
    ],
    remediations: [
      { action: 'Add a fallback for when the dependency is unavailable', type: 'mitigate' },
      { action: 'Monitor the health of the dependency', type: 'detect' },
      { action: 'Set timeouts and circuit breakers on calls to the dependency', type: 'mitigate' },
    ],
    notice: {
      en: 'A service that our systems depend on failed.',
      de: 'Ein Dienst, von dem unsere Systeme abhängen, funktionierte nicht.',
    },
  },
  {
    id: 'other',
    label: 'Other',
    description: 'none of the above',
    followUps: [
      { key: 'description', label: 'Description', message: 'Describe the cause in a sentence or two:', kind: 'input' },
    ],
    remediations: [{ action: 'Write or update the runbook for this kind of incident', type: 'process' }],
    notice: {
      en: 'A technical problem in our systems caused a disruption.',
      de: 'Ein technisches Problem in unseren Systemen verursachte eine Störung.',
    },
  },
];

/** The definition of a category; a category a project added in its config asks what `other` asks, under its own name. */
export function categoryDefinition(id: string): CategoryDefinition {
  const known = CATEGORIES.find((c) => c.id === id);
  if (known) return known;
  const other = CATEGORIES.find((c) => c.id === 'other') as CategoryDefinition;
  return { ...other, id: id as Category, label: id.replace(/-/g, ' '), description: "your project's category" };
}
