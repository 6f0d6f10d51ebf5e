// Kept apart from view.ts so that the CLI's option table can list the channels without loading the notice code.

/** Channels a notice can be rendered for. */
export const NOTICE_CHANNELS = ['blog', 'email', 'status'] as const;
/** A notice channel. */
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
