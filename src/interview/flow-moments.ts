/** The moments step: the zone for times typed without one, then started, detected, mitigated, resolved. */
import { MOMENTS, parseInstant } from '../model/index.js';
import { UnansweredQuestionError, type InterviewContext } from './flow-context.js';
import { dateInZone, offsetOnDate, parseMomentInput, showInstant } from './moments.js';
import { MESSAGES, MOMENT_MESSAGES, STEP_TITLES } from './questions.js';
import { validateMoment, validateZone, type MomentName } from './validators.js';

/** Asks the zone (once) and every moment not given, each at or after the one before. */
export async function askMoments(iv: InterviewContext): Promise<void> {
  const a = iv.a;
  const machineZone = iv.options.machineZone;
  iv.header(STEP_TITLES.moments);
  // Asked even when every moment is given: the file records the zone the incident was lived in.
  // Without a terminal the machine's zone reads bare times, but is not recorded as the incident's.
  if (a.timezone === undefined) {
    const zone = (
      await iv.step(
        'timezone',
        (ask) => ask.input({ message: MESSAGES.timezone, default: machineZone, validate: validateZone }),
        () => '',
      )
    ).trim();
    if (zone !== '') a.timezone = zone;
  }
  let previous: { name: MomentName; iso: string } | undefined;
  for (const name of MOMENTS) {
    if (a[name] === undefined) {
      // A start asked again on the review screen keeps its date for a bare HH:MM.
      const before = iv.options.previous?.started;
      const date =
        a.started?.slice(0, 10) ??
        (typeof before === 'string' && parseInstant(before) !== null ? before.slice(0, 10) : undefined) ??
        dateInZone(iv.options.now, iv.zone);
      const check = { name, zone: iv.zone, date, previous };
      const zone = iv.zone;
      const offset = /^[A-Za-z]/.test(zone) ? `${zone}, ${offsetOnDate(zone, date)} on that date` : zone;
      const hint = `(HH:MM on ${date} in ${offset}; or YYYY-MM-DD HH:MM, DD.MM.YYYY HH:MM, or a full timestamp)`;
      const text = await iv.step(name, async (ask) => {
        const typed = await ask.input({
          message: `${MOMENT_MESSAGES[name]} ${hint}`,
          validate: (v) => validateMoment(v, check),
        });
        const read = parseMomentInput(typed, check);
        // Say how the answer was read, so a wrong date or zone shows at once.
        if (!ask.replaying && 'iso' in read) iv.options.say?.(`  ${name}: ${showInstant(read.iso)}`);
        return typed;
      });
      const parsed = parseMomentInput(text, check);
      if ('error' in parsed) throw new UnansweredQuestionError(name);
      a[name] = parsed.iso;
    }
    previous = { name, iso: a[name] };
  }
}
