import { folderDisplayPaths } from '../model/display-path.js';
import { readStatsSource } from './read.js';
import { toRecord } from './record.js';
import type { FileNote, ItemOf, ReadOptions, StatsInput } from './types.js';

/**
 * Reads the given files (absolute paths, as `lint` finds them) into records; a file that cannot be
 * read or parsed becomes a note in `unreadable`, never a throw and never a silent drop. The action
 * items keep their texts only with `texts: true`.
 */
export async function readIncidents<Texts extends boolean = false>(
  paths: readonly string[],
  options: ReadOptions<Texts>,
): Promise<StatsInput<ItemOf<Texts>>> {
  const input: StatsInput<ItemOf<Texts>> = { files: paths.length, records: [], unreadable: [], warnings: [] };
  const shownPath = folderDisplayPaths(options.cwd);
  for (const path of paths) {
    const read = readStatsSource(path, undefined, options.texts === true);
    // Only a file the fast reader hands over waits, for the parser.
    const source = read instanceof Promise ? await read : read;
    // The reader's object is this loop's own: its path is set, not copied with the rest.
    source.path = shownPath(path);
    if ('message' in source) {
      input.unreadable.push(source satisfies FileNote);
      continue;
    }
    const { record, notes } = toRecord(source, options.texts);
    input.records.push(record);
    input.warnings.push(...notes);
  }
  return input;
}
