import actionItemDue from './action-item-due.js';
import actionItemFields from './action-item-fields.js';
import actionItemOverdue from './action-item-overdue.js';
import actionItemOwner from './action-item-owner.js';
import blamelessLanguage from './blameless-language.js';
import frontmatterSchema from './frontmatter-schema.js';
import idFilename from './id-filename.js';
import momentOrder from './moment-order.js';
import noPlaceholder from './no-placeholder.js';
import noticeLeak from './notice-leak.js';
import requiredSections from './required-sections.js';
import rootCauseCategory from './root-cause-category.js';
import sectionOrder from './section-order.js';
import statusRequirements from './status-requirements.js';
import timelineFormat from './timeline-format.js';
import timelineMoments from './timeline-moments.js';
import timelineOrder from './timeline-order.js';
import timestampOffset from './timestamp-offset.js';
import type { Rule } from '../types.js';

/** Every lint rule, in the order of the documentation; ids are part of the interface. */
export const RULES: readonly Rule[] = [
  frontmatterSchema,
  timestampOffset,
  momentOrder,
  statusRequirements,
  idFilename,
  requiredSections,
  sectionOrder,
  timelineFormat,
  timelineOrder,
  timelineMoments,
  actionItemOwner,
  actionItemDue,
  actionItemFields,
  actionItemOverdue,
  rootCauseCategory,
  blamelessLanguage,
  noticeLeak,
  noPlaceholder,
];
