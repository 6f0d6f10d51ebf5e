import type { ActionItem, ActionItemWithText, FileNote, IncidentRecord, ItemOf, StatsInput } from './types.js';

// How a stats worker posts what it read: one JSON string a batch, each record an array of its
// fields, each action item one without the record's path and id. Posting the objects as they are
// cost the main thread more than reading the files (a structured clone writes the path and id of
// every action item again, 10 MB for 5,000 real-prose files), and the objects it made had shapes of
// their own, which made the figures' code polymorphic. JSON of arrays is written and parsed natively.

// The field order of a packed record and a packed item, written once: the tuple types, packing and
// unpacking all follow these lists. A record's action items go last; an item's postmortem and path
// are its record's id and path. An item without its texts packs the same list less TEXT_FIELDS.
const RECORD_FIELDS = [
  'path',
  'id',
  'severity',
  'services',
  'categories',
  'started',
  'startedMs',
  'month',
  'quarter',
  'timeToDetect',
  'timeToMitigate',
  'timeToResolve',
  'impactMs',
  'impactFromWindows',
  'customersAffected',
] as const satisfies readonly (keyof IncidentRecord)[];
const ITEM_FIELDS = [
  'line',
  'action',
  'type',
  'owner',
  'due',
  'status',
  'ticket',
] as const satisfies readonly (keyof ActionItemWithText)[];
const TEXT_FIELDS = ['action', 'ticket'] as const satisfies readonly Exclude<
  keyof ActionItemWithText,
  keyof ActionItem
>[];
type TextField = (typeof TEXT_FIELDS)[number];

/** The tuple `L` without its members `X`, in the same order. */
type Without<L extends readonly unknown[], X> = L extends readonly [infer H, ...infer R]
  ? H extends X
    ? Without<R, X>
    : [H, ...Without<R, X>]
  : [];
const FIGURE_ITEM_FIELDS = ITEM_FIELDS.filter(
  (key) => !(TEXT_FIELDS as readonly string[]).includes(key),
) as unknown as Without<typeof ITEM_FIELDS, TextField>;

// Every field is in its list (or is derived on unpacking): a field added to the types fails to compile here.
type Unlisted<T, Listed extends readonly (keyof T)[], Derived extends keyof T> = Exclude<
  keyof T,
  Listed[number] | Derived
>;
const everyField: [
  Unlisted<IncidentRecord, typeof RECORD_FIELDS, 'actionItems'>,
  Unlisted<ActionItemWithText, typeof ITEM_FIELDS, 'postmortem' | 'path'>,
  Exclude<Exclude<keyof ActionItemWithText, keyof ActionItem>, TextField>,
] extends [never, never, never]
  ? true
  : never = true;
void everyField;

/** The values of `T`'s fields `K`, in that order. */
type Values<T, K extends readonly (keyof T)[]> = { -readonly [I in keyof K]: T[K[I] & keyof T] };
type PackedItem = Values<ActionItemWithText, typeof ITEM_FIELDS> | Values<ActionItem, typeof FIGURE_ITEM_FIELDS>;
type PackedRecord = [...Values<IncidentRecord, typeof RECORD_FIELDS>, PackedItem[]];
type PackedInput = [files: number, records: PackedRecord[], unreadable: FileNote[], warnings: FileNote[]];

/** The fields of an item packed, in order: with the texts or without. */
const itemFields = (texts: boolean): readonly (keyof ActionItemWithText)[] =>
  texts ? ITEM_FIELDS : FIGURE_ITEM_FIELDS;

function packRecord(r: IncidentRecord, fields: readonly (keyof ActionItemWithText)[]): PackedRecord {
  const packed: unknown[] = RECORD_FIELDS.map((key) => r[key]);
  packed.push(r.actionItems.map((item) => fields.map((key) => (item as ActionItemWithText)[key])));
  return packed as PackedRecord;
}

// The objects are built key by key in the lists' order, so every record (and every item) gets the
// keys in the order toRecord gives them, and all of them one shape.
function unpackItem(item: PackedItem, fields: readonly string[], postmortem: string, path: string): ActionItem {
  const out: Record<string, unknown> = { postmortem, path };
  for (let i = 0; i < fields.length; i++) out[fields[i] as string] = item[i];
  return out as unknown as ActionItem;
}

function unpackRecord(packed: PackedRecord, fields: readonly string[]): IncidentRecord {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < RECORD_FIELDS.length; i++) out[RECORD_FIELDS[i] as string] = packed[i];
  const record = out as unknown as IncidentRecord;
  const items = packed[RECORD_FIELDS.length];
  record.actionItems = items.map((item) => unpackItem(item, fields, record.id, record.path));
  return record;
}

/**
 * What a worker read, as one string to post (JSON keeps every value stats records hold exactly);
 * `texts` says whether the items were read with their texts, as the same flag to `unpackInput` does.
 */
export function packInput<Texts extends boolean = false>(input: StatsInput<ItemOf<Texts>>, texts?: Texts): string {
  const fields = itemFields(texts === true);
  const packed: PackedInput = [
    input.files,
    input.records.map((r) => packRecord(r, fields)),
    input.unreadable,
    input.warnings,
  ];
  return JSON.stringify(packed);
}

/** The records and notes of a string `packInput` made, equal to what was packed, keys in the same order. */
export function unpackInput<Texts extends boolean = false>(text: string, texts?: Texts): StatsInput<ItemOf<Texts>> {
  const fields = itemFields(texts === true);
  const [files, records, unreadable, warnings] = JSON.parse(text) as PackedInput;
  return { files, records: records.map((r) => unpackRecord(r, fields)), unreadable, warnings } as StatsInput<
    ItemOf<Texts>
  >;
}
