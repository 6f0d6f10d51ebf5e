/** The interview of `postmortem new`: questions as data, validators, drafts and the flow. */
export * from './answers.js';
export { readWindows } from './windows.js';
export { terminalAsk, isPromptInterrupt, type Ask } from './ask.js';
export * from './build.js';
export * from './categories.js';
export * from './draft.js';
export { runInterview, RecordedAnswerError, UnansweredQuestionError, type InterviewOptions } from './flow.js';
export type { TimelineCandidate } from './flow-context.js';
export * from './moments.js';
export { noticeDrafts } from './notice-drafts.js';
export { proposeId } from './propose-id.js';
export * from './session.js';
export * from './validators.js';
export * from './create.js';
export { explainNewError, type ExplainContext } from './explain.js';
