/** The postmortem model: types, parsing, the facts checks share, derived figures and writing. */
export * from './types.js';
export * from './format.js';
export * from './timestamp.js';
export { parsePostmortem, parsePostmortemBytes, idFromPath, MAX_FILE_BYTES, type ParseOptions } from './parse.js';
export { findSection } from './body.js';
export { momentInstants, isIsoDate } from './validate.js';
export { deriveFigures, formatDuration, roundDuration, type DerivedFigures } from './figures.js';
export { impactWindows, checkImpactWindows, type ImpactWindow } from './windows.js';
export { stringifyPostmortem, writeFileAtomic, FileExistsError, type WriteOptions } from './write.js';
export * from './errors.js';
export { readPostmortemFile } from './read.js';
export { readFileBounded, readTextBounded, FileReadError, MAX_READ_BYTES } from './bounded-read.js';
export { isTimeZone, zoneOffsetAt, offsetForWallTime } from './timezone.js';
export { findLeaks, type Leak, type NoticeLeakOptions } from './leak-detectors.js';
export { findPlaceholders, type Placeholder } from './placeholders.js';
export { isRecord } from './guards.js';
