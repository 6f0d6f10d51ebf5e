/** Stretches of time as customers read them, each end with the zone's name in force at that instant. */
import { sameDay } from './clock.js';
import type { ImpactSpan, Place } from './types.js';

/** How a language writes the pieces of a range. */
export interface RangeWords {
  /** A time of day; `bare` where the language names its unit once per range ("von 14:02 bis 14:31 Uhr"). */
  time(ms: number, place: Place, bare: boolean): string;
  /** A day and a time of day, without the zone. */
  moment(ms: number, place: Place): string;
  zoneName(ms: number, place: Place): string;
  /** A calendar day, for a range that falls within it: "March 5, 2024". */
  day(ms: number, place: Place): string;
  /** A range within a day among ranges on other days, naming its day once: "on March 5, 2024, from A to B". */
  onDay(day: string, range: string): string;
  /** One range within a day, "from A to B"; and one across days, "from A to B" / "vom A bis zum B". */
  withinDay(from: string, to: string): string;
  acrossDays(from: string, to: string): string;
  /** Joins the ranges as a list. */
  list(items: readonly string[]): string;
  /** Puts a zone's name after a time: "2:02 PM (CEST)"; German adds the comma a parenthesis needs. */
  withZone(text: string, zone: string): string;
}

/** True when every span falls on the day the first one starts, in the customers' zone. */
export function withinOneDay(spans: readonly ImpactSpan[], place: Place): boolean {
  const first = spans[0];
  return (
    first !== undefined &&
    spans.every((s) => sameDay(first.start, s.start, place.zone) && sameDay(first.start, s.end, place.zone))
  );
}

/**
 * The spans as a list of ranges. When every end has the same zone name, it is said once at the end
 * ("from 2:02 to 2:31 PM and from 3:48 to 4:34 PM (CEST)"); when the clocks changed in between,
 * each time carries its own ("from 11:40 PM (CEST) to 2:20 AM (CET)"). Within one day the day is
 * left to the caller, who names it once.
 */
export function rangesText(spans: readonly ImpactSpan[], place: Place, words: RangeWords): string {
  const oneDay = withinOneDay(spans, place);
  const zones = spans.flatMap((s) => [words.zoneName(s.start, place), words.zoneName(s.end, place)]);
  const uniform = zones.every((z) => z === zones[0]);
  const ranges = spans.map((s) => {
    // A range within its own day names that day once ("on March 5 from 10:50 to 11:30 PM"), never twice.
    const ownDay = !oneDay && sameDay(s.start, s.end, place.zone);
    const show = (ms: number, bare: boolean) => {
      const text = oneDay || ownDay ? words.time(ms, place, bare && uniform) : words.moment(ms, place);
      return uniform ? text : words.withZone(text, words.zoneName(ms, place));
    };
    if (ownDay) return words.onDay(words.day(s.start, place), words.withinDay(show(s.start, true), show(s.end, false)));
    return oneDay
      ? words.withinDay(show(s.start, true), show(s.end, false))
      : words.acrossDays(show(s.start, true), show(s.end, false));
  });
  const listed = words.list(ranges);
  return uniform ? `${listed} (${zones[0] as string})` : listed;
}
