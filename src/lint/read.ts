/** Lint's reader is the model's bounded reader (a leaf module, so a cached run never loads the parser). */
export { MAX_READ_BYTES, readBounded, type ReadOutcome } from '../model/bounded-read.js';
