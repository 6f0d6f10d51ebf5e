// The body's readers, split by what they read; this module keeps the names other modules import.
export { scanSections, findSection, tooDeepLine, MAX_NESTING, MAX_INDENT } from './sections.js';
export { parseTimeline, readTimelineLines } from './timeline.js';
export { parseActionItems, parseActionItemsMarkdown } from './action-items.js';
export { openingFence, closesFence } from './fences.js';
