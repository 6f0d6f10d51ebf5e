/** The interview's questions as data: wording, choices and the texts offered as defaults. */
import type { ACTION_ITEM_TYPES, NOTICE_FIELDS, SEVERITIES } from '../model/index.js';
import type { MomentName } from './validators.js';

/** The severities with a one-line explanation each. */
export const SEVERITY_CHOICES: ReadonlyArray<{
  value: (typeof SEVERITIES)[number];
  name: string;
  description: string;
}> = [
  { value: 'SEV1', name: 'SEV1 – total outage or data loss', description: 'Everyone is affected, or data is gone.' },
  {
    value: 'SEV2',
    name: 'SEV2 – major function down for many customers',
    description: 'A core feature is unusable for a large share of customers.',
  },
  {
    value: 'SEV3',
    name: 'SEV3 – partial degradation, a workaround exists',
    description: 'Slower or partly broken; customers can still get their work done.',
  },
  {
    value: 'SEV4',
    name: 'SEV4 – minor, little or no customer impact',
    description: 'Noticed internally, barely visible to customers.',
  },
];

/** Action-item types with what each means. */
export const ACTION_TYPE_CHOICES: ReadonlyArray<{ value: (typeof ACTION_ITEM_TYPES)[number]; name: string }> = [
  { value: 'prevent', name: 'prevent – stop it from happening again' },
  { value: 'mitigate', name: 'mitigate – make it smaller or shorter next time' },
  { value: 'detect', name: 'detect – notice it sooner' },
  { value: 'process', name: 'process – change how we work' },
];

/** The section headers shown as the interview moves on. */
export const STEP_TITLES = {
  basics: 'Basics',
  moments: 'Moments',
  impact: 'Summary and impact',
  timeline: 'Timeline',
  rootCause: 'Root cause',
  detection: 'Detection and resolution',
  actions: 'Action items',
  lessons: 'Lessons learned',
  notice: 'Customer notice',
} as const;

/** Wording of the plain questions. */
export const MESSAGES = {
  title: 'Title (one line: what broke, for whom):',
  severity: 'Severity:',
  services: 'Affected services (comma-separated):',
  authors: 'Authors (comma-separated):',
  timezone: 'Time zone for times you type without one (IANA name or offset):',
  id: 'Id of the postmortem (also the file name):',
  summary: 'Summary: what happened, in two or three sentences:',
  customers: 'How many customers were affected (best estimate)?',
  dataLoss: 'Was any data lost?',
  impactDescription: 'Impact in one sentence (optional, internal wording is fine):',
  continuous: 'Were customers affected without a break from the start until the impact was mitigated?',
  impactAgain: 'Did the impact come back after that?',
  windowStart: 'When did it come back?',
  windowEnd: 'When did this spell of impact end?',
  categories: 'Root cause categories (space to select, enter to confirm):',
  rootCause: 'Root cause in your own words (optional, enter to skip):',
  fiveWhys: 'Walk through the five whys?',
  addEvent: 'Add a timeline event?',
  addAnotherEvent: 'Add another timeline event?',
  eventAt: 'When? (HH:MM on the incident date, or a full timestamp):',
  eventText: 'What happened?',
  review: 'Review the timeline: pick an entry to edit or remove, or finish:',
  timelineCandidates: 'Events from the sources (space to keep or drop, enter to confirm; each can be edited next):',
  reviewAll: 'Review: write the postmortem, or pick an answer to change:',
  reviewActions: 'Review the action items: pick one to edit or remove, or finish:',
  addAction: 'Add an action item of your own?',
  addAnotherAction: 'Add another action item of your own?',
  action: 'Action:',
  actionType: 'Type:',
  owner: 'Owner (person or team):',
  due: 'Due date (YYYY-MM-DD or DD.MM.YYYY):',
  ticket: 'Ticket (optional):',
  writeNotice: 'Draft the customer notice now?',
  noticeLanguages: 'Which languages does the notice go out in? (space toggles, enter confirms)',
} as const;

/** The event text a moment gets in the timeline until the engineer changes it. */
export const MOMENT_EVENTS: Record<MomentName, string> = {
  started: 'Impact begins',
  detected: 'Incident detected',
  mitigated: 'Impact mitigated',
  resolved: 'Incident resolved',
};

/** How each moment is asked. */
export const MOMENT_MESSAGES: Record<MomentName, string> = {
  started: 'When did the impact start?',
  detected: 'When was it detected?',
  mitigated: 'When was the impact mitigated?',
  resolved: 'When was the incident resolved?',
};

/** The three lessons questions; each collects items until an empty answer. */
export const LESSON_QUESTIONS = [
  { key: 'went_well', message: 'What went well?' },
  { key: 'went_wrong', message: 'What went wrong?' },
  { key: 'got_lucky', message: 'Where did we get lucky?' },
] as const;

/** The notice questions, one per field and language. */
export const NOTICE_MESSAGES: Record<(typeof NOTICE_FIELDS)[number], string> = {
  headline: 'Notice headline',
  what_happened: 'What happened (customer wording)',
  customer_impact: 'What it meant for customers',
  next_steps: 'Next steps',
  apology: 'Apology',
};

/** The status-page wording's question; "-" answers that there is none (the status page then shows the notice's sentences). */
export const NOTICE_STATUS_MESSAGE = 'Short status-page text';
