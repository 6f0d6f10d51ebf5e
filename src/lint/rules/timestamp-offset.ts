/**
 * Rule `timestamp-offset` (default: error)
 *
 * What: every front-matter moment (`started`, `detected`, `mitigated`, `resolved`) is ISO 8601
 * with an offset: `2017-09-21T14:02:00+02:00` or `2017-09-21T12:02:00Z`.
 *
 * Why: a time without an offset means a different instant on every machine and in every CI
 * runner; durations and notices would be wrong by hours.
 *
 * How to fix: append the offset that applied at the time. `--fix` does it for you when the file
 * declares its zone with a `timezone` key (an IANA name such as `Europe/Berlin`).
 *
 * Examples:
 *   not ok:  started: "2017-09-21T14:02:00"
 *   ok:      started: "2017-09-21T14:02:00+02:00"
 */
import { modelRule } from '../model-rule.js';
import { LOCAL_TIMESTAMP, isTimeZone, keyPosition } from '../../model/index.js';

/** The `timestamp-offset` rule. */
export default modelRule('timestamp-offset', 'Front-matter timestamps carry an offset (Z or ±HH:MM).', {
  fixable: true,
  decorate: (reports, { pm }) => {
    const zone = pm.data.timezone;
    if (typeof zone !== 'string' || !isTimeZone(zone)) return reports;
    const fixableLines = new Set(
      ['started', 'detected', 'mitigated', 'resolved']
        .filter((m) => typeof pm.data[m] === 'string' && LOCAL_TIMESTAMP.test(pm.data[m]))
        .map((m) => keyPosition(pm, m).line),
    );
    return reports.map((r) => (fixableLines.has(r.line) ? { ...r, fixable: true } : r));
  },
});
