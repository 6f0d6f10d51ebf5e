import { MOMENTS } from '../../model/format.js';
import { FRONT_MATTER_TIMESTAMP, LOCAL_TIMESTAMP, formatOffset, parseInstant } from '../../model/timestamp.js';
import { isTimeZone, offsetForWallTime } from '../../model/timezone.js';
import { keyPosition } from '../../model/validate.js';
import { defineRule, type Edit, type RuleContext } from '../types.js';

/** The edit that appends the offset `zone` had at a local time, or nothing when it cannot be known. */
function offsetFix({ pm, source }: RuleContext, moment: string, value: string): Edit | undefined {
  const zone = pm.data.timezone;
  if (typeof zone !== 'string' || !isTimeZone(zone)) return undefined;
  const m = LOCAL_TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const offset = offsetForWallTime(zone, Date.UTC(y, mo - 1, d, h, mi, m[6] ? Number(m[6]) : 0));
  if (offset === null) return undefined;
  const at = keyPosition(pm, moment);
  const lineStart = source.offset(at.line);
  const line = pm.source.slice(lineStart, source.lineEnd(at.line));
  const index = line.indexOf(value, at.column - 1);
  if (index === -1) return undefined;
  const text = `${value.slice(0, 10)}T${value.slice(11)}${offset === 0 ? 'Z' : formatOffset(offset)}`;
  return { from: lineStart + index, to: lineStart + index + value.length, text };
}

/** The `timestamp-offset` rule. */
export default defineRule({
  id: 'timestamp-offset',
  defaultLevel: 'error',
  description: 'Front-matter timestamps carry an offset (Z or ±HH:MM).',
  fixable: true,
  format: true,
  docs: {
    what:
      'Every front-matter moment (`started`, `detected`, `mitigated`, `resolved`) is ISO 8601 with an offset: ' +
      '`2017-09-21T14:02:00+02:00` or `2017-09-21T12:02:00Z`, and a real date and time.',
    why:
      'A time without an offset means a different instant on every machine and in every CI runner; durations and ' +
      'notices would be wrong by hours.',
    fix:
      'Append the offset that applied at the time. `--fix` does it when the file declares its zone with a ' +
      '`timezone` key (an IANA name such as `Europe/Berlin`); see `--fix`.',
    examples: { notOk: 'started: "2017-09-21T14:02:00"', ok: 'started: "2017-09-21T14:02:00+02:00"' },
  },
  check: (context) => {
    const { pm, report } = context;
    for (const moment of MOMENTS) {
      const v = pm.data[moment];
      if (typeof v !== 'string') continue;
      const at = keyPosition(pm, moment);
      if (FRONT_MATTER_TIMESTAMP.test(v)) {
        if (parseInstant(v) === null)
          report({ message: `Expected \`${moment}\` to be a real date and time, found "${v}".`, ...at });
      } else if (LOCAL_TIMESTAMP.test(v)) {
        const fix = offsetFix(context, moment, v);
        report({
          message: `Expected \`${moment}\` to end with an offset (\`Z\` or \`±HH:MM\`), found "${v}".`,
          ...at,
          ...(fix ? { fix } : {}),
        });
      } else {
        report({
          message: `Expected \`${moment}\` as ISO 8601 with an offset (e.g. 2017-09-21T14:02:00+02:00), found "${v}".`,
          ...at,
        });
      }
    }
  },
});
