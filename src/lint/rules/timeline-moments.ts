/**
 * Rule `timeline-moments` (default: warn)
 *
 * What: each front-matter moment (`started`, `detected`, `mitigated`, `resolved`) matches the
 * instant of a timeline item.
 *
 * Why: the moments are typed twice (front matter and timeline); when they disagree, one is wrong.
 *
 * How to fix: add the missing timeline item, or correct the moment or the item.
 *
 * Examples:
 *   not ok:  detected: "2020-01-01T10:05:00Z" and no timeline item at 10:05 Z
 *   ok:      - 2020-01-01 10:05 Z — Alert fires
 */
import { modelRule } from '../model-rule.js';

/** The `timeline-moments` rule. */
export default modelRule('timeline-moments', 'Each front-matter moment matches a timeline item.');
