/** The postmortem model: types, parsing, validation, derived figures and writing. */
export * from './types.js';
export * from './format.js';
export * from './timestamp.js';
export { parsePostmortem, parsePostmortemBytes, idFromPath, MAX_FILE_BYTES, type ParseOptions } from './parse.js';
export { findSection } from './body.js';
export {
  validatePostmortem,
  MODEL_CHECKS,
  keyPosition,
  momentInstants,
  isIsoDate,
  type ModelCheck,
} from './validate.js';
export { deriveFigures, formatDuration, roundDuration, type DerivedFigures, type DurationStyle } from './figures.js';
export { impactWindows, checkImpactWindows, type ImpactWindow } from './windows.js';
export { stringifyPostmortem, writeFileAtomic, FileExistsError } from './write.js';
export { readPostmortemFile } from './read.js';
export { isTimeZone, zoneOffsetAt, offsetForWallTime } from './timezone.js';
export { checkNoticeLeaks, escapeRegExp, findLeaks, type Leak, type NoticeLeakOptions } from './notice-checks.js';
export { findPlaceholders, type Placeholder } from './placeholders.js';
export { isRecord } from './guards.js';
