import { parseDayOrInstant } from '../model/timestamp.js';
import { UsageError } from './errors.js';

/**
 * The moment `--now` names, for every command that takes it (lint, stats, actions); the current
 * time when not given. Refuses what is not a real day or an ISO timestamp with an offset (exit 2).
 */
export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const ms = parseDayOrInstant(text);
  if (ms === null)
    throw new UsageError(
      `--now ${text}: expected a date (2020-02-01) or an ISO timestamp with an offset (2020-02-01T10:00:00Z).`,
    );
  return new Date(ms);
}

/** The UTC day (`YYYY-MM-DD`) `--now` names, today when not given. */
export function parseNowDay(text: string | undefined): string {
  return parseNow(text).toISOString().slice(0, 10);
}
