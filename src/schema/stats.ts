import type { z as zod } from 'zod';
import type { Zod } from './regex.js';

// The report `postmortem stats --format json` writes, declared once: the report's types
// (src/stats/report.ts) are inferred from it and schema/stats.schema.json is generated from it
// (scripts/schemas.mjs). The stats command itself never loads zod: it only needs the types.

/** The schema of the stats report (schemaVersion 1). */
export function statsReportSchema(z: Zod) {
  const count = z.int().min(0);
  const fileNote = z
    .strictObject({ path: z.string(), line: z.int().min(1), column: z.int().min(1), message: z.string() })
    .meta({ description: 'A problem with one file, shown as path:line:column: message.' });
  const breakdown = z
    .strictObject({
      files: count.meta({ description: 'Files with a known value: the files this breakdown rests on.' }),
      rows: z.array(z.strictObject({ key: z.string(), incidents: z.int().min(1) })),
    })
    .meta({ description: 'Incidents counted by one value; an incident with two values counts once for each.' });
  const duration = z.strictObject({
    files: count.meta({ description: 'Files that have this moment: what the median and p90 rest on.' }),
    medianMinutes: z
      .int()
      .min(0)
      .nullable()
      .meta({ description: 'Nearest-rank median, whole minutes; null when no file has the moment.' }),
    p90Minutes: z.int().min(0).nullable().meta({ description: 'Nearest-rank 90th percentile, whole minutes.' }),
  });
  const times = z
    .strictObject({
      key: z.string().meta({ description: 'all, a severity, a category or a quarter (YYYY-Qn).' }),
      incidents: count,
      detect: duration,
      mitigate: duration,
      resolve: duration,
    })
    .meta({ description: 'Time from started to detected, mitigated and resolved for one group.' });
  const actionRow = z.strictObject({ key: z.string(), total: count, open: count, overdue: count });
  const chain = z.strictObject({
    category: z.string(),
    service: z.string(),
    incidents: z
      .array(
        z.strictObject({
          id: z.string(),
          started: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
            .meta({ description: 'When the incident started, RFC 3339 with seconds, in the offset the file gives.' }),
          path: z.string(),
        }),
      )
      .min(2),
    /** E.g. "2019-08-01-checkout-slow is the third capacity incident on checkout since March 2019". */
    sentence: z.string(),
  });
  return z
    .strictObject({
      schemaVersion: z.literal(1),
      now: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .meta({ description: 'The day overdue items are judged by.' }),
      windowDays: z.int().min(1),
      files: z.strictObject({
        total: count,
        readable: count,
        unreadable: z.array(fileNote).meta({
          description: 'Files that could not be read or parsed: counted, listed, not in the figures.',
        }),
        warnings: z.array(fileNote).meta({ description: 'Values left out of some figures.' }),
      }),
      counts: z.strictObject({
        bySeverity: breakdown,
        byCategory: breakdown,
        byService: breakdown,
        byMonth: breakdown,
      }),
      impact: z.strictObject({
        files: count.meta({ description: 'Files with both a customer count and an impact duration.' }),
        fromWindows: count.meta({ description: 'Of those, files whose duration is the sum of impact.windows.' }),
        customerMinutes: count.meta({
          description:
            'Sum over files of customers_affected × impact minutes (impact.windows summed where present, ' +
            'else started..mitigated).',
        }),
      }),
      times: z.strictObject({
        overall: times,
        bySeverity: z.array(times),
        byCategory: z.array(times),
        byQuarter: z
          .array(times)
          .meta({ description: 'Every quarter from the first incident to the last, empty ones included.' }),
      }),
      recurrence: z.strictObject({ windowDays: z.int().min(1), chains: z.array(chain) }),
      actionItems: z.strictObject({
        files: count,
        total: count,
        open: count,
        overdue: count,
        byOwner: z.array(actionRow),
        byType: z.array(actionRow),
        prevent: z
          .strictObject({
            total: count,
            pastDue: count.meta({ description: 'Items whose due date is before now, not wontfix.' }),
            doneOfPastDue: count.meta({ description: 'Of those, the ones marked done.' }),
            shareDoneByDue: z
              .number()
              .min(0)
              .max(1)
              .nullable()
              .meta({ description: 'doneOfPastDue / pastDue, or null when nothing is past due.' }),
            notYetDue: count.meta({ description: 'Items due today or later.' }),
            doneBeforeDue: count.meta({ description: 'Of those, the ones already done.' }),
            wontfix: count,
          })
          .meta({ description: 'What the figures say about prevent items; see docs/stats.md.' }),
      }),
    })
    .meta({
      title: 'postmortem stats --format json',
      description:
        'Figures across postmortems, as `postmortem stats --format json` writes them (schemaVersion 1). ' +
        'Durations are whole minutes (rounded to the nearest minute); see docs/stats.md.',
    });
}

/** Everything `postmortem stats` computes, as its JSON form holds it. */
export type StatsReportData = zod.output<ReturnType<typeof statsReportSchema>>;
