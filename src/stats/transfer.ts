import type { ActionItem, FileNote, IncidentRecord, StatsInput } from './types.js';

// How a stats worker posts what it read: one JSON string a batch, each record an array of its
// fields, each action item one without the record's path and id. Posting the objects as they are
// cost the main thread more than reading the files (a structured clone writes the path and id of
// every action item again, 10 MB for 5,000 real-prose files), and the objects it made had shapes of
// their own, which made the figures' code polymorphic. JSON of arrays is written and parsed natively,
// and the records are made below by object literals with the keys in the order toRecord gives.

type PackedItem = [
  line: number,
  action: string,
  type: string,
  owner: string,
  due: string | null,
  status: string,
  ticket: string | null,
];

type PackedRecord = [
  path: string,
  id: string,
  title: string,
  severity: string | null,
  services: string[],
  categories: string[],
  started: string | null,
  startedMs: number | null,
  month: string | null,
  quarter: string | null,
  timeToDetect: number | null,
  timeToMitigate: number | null,
  timeToResolve: number | null,
  impactMs: number | null,
  impactFromWindows: boolean,
  customersAffected: number | null,
  actionItems: PackedItem[],
];

type PackedInput = [files: number, records: PackedRecord[], unreadable: FileNote[], warnings: FileNote[]];

function packRecord(r: IncidentRecord): PackedRecord {
  return [
    r.path,
    r.id,
    r.title,
    r.severity,
    r.services,
    r.categories,
    r.started,
    r.startedMs,
    r.month,
    r.quarter,
    r.timeToDetect,
    r.timeToMitigate,
    r.timeToResolve,
    r.impactMs,
    r.impactFromWindows,
    r.customersAffected,
    r.actionItems.map((i) => [i.line, i.action, i.type, i.owner, i.due, i.status, i.ticket]),
  ];
}

function unpackItem(item: PackedItem, postmortem: string, path: string): ActionItem {
  const [line, action, type, owner, due, status, ticket] = item;
  return { postmortem, path, line, action, type, owner, due, status, ticket };
}

function unpackRecord(packed: PackedRecord): IncidentRecord {
  const [
    path,
    id,
    title,
    severity,
    services,
    categories,
    started,
    startedMs,
    month,
    quarter,
    timeToDetect,
    timeToMitigate,
    timeToResolve,
    impactMs,
    impactFromWindows,
    customersAffected,
    items,
  ] = packed;
  return {
    path,
    id,
    title,
    severity,
    services,
    categories,
    started,
    startedMs,
    month,
    quarter,
    timeToDetect,
    timeToMitigate,
    timeToResolve,
    impactMs,
    impactFromWindows,
    customersAffected,
    actionItems: items.map((item) => unpackItem(item, id, path)),
  };
}

/** What a worker read, as one string to post (JSON keeps every value stats records hold exactly). */
export function packInput(input: StatsInput): string {
  const packed: PackedInput = [input.files, input.records.map(packRecord), input.unreadable, input.warnings];
  return JSON.stringify(packed);
}

/** The records and notes of a string `packInput` made, equal to what was packed, keys in the same order. */
export function unpackInput(text: string): StatsInput {
  const [files, records, unreadable, warnings] = JSON.parse(text) as PackedInput;
  return { files, records: records.map(unpackRecord), unreadable, warnings };
}
