/** Suggestions for a time zone the user typed that Intl does not know: an abbreviation or a typo. */

/** Common abbreviations and the IANA zone most people who type them mean. */
const ABBREVIATIONS: Record<string, string> = {
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  MEZ: 'Europe/Berlin',
  MESZ: 'Europe/Berlin',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  BST: 'Europe/London',
  GMT: 'Europe/London',
  EET: 'Europe/Helsinki',
  EEST: 'Europe/Helsinki',
  MSK: 'Europe/Moscow',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

let known: readonly string[] | null = null;

/** The zone an unknown zone text most likely means, with why; null when nothing is close. */
export function suggestZone(text: string): { zone: string; why: 'abbreviation' | 'spelling' } | null {
  const abbreviation = ABBREVIATIONS[text.trim().toUpperCase()];
  if (abbreviation) return { zone: abbreviation, why: 'abbreviation' };
  known ??= Intl.supportedValuesOf('timeZone');
  const wanted = text.trim().toLowerCase();
  let best: { zone: string; d: number } | null = null;
  for (const zone of known) {
    const d = distance(wanted, zone.toLowerCase());
    if (!best || d < best.d) best = { zone, d };
  }
  // A third of the name may be off ("Europe/Berln", "america/new york"), not more.
  return best && best.d <= Math.max(2, Math.floor(wanted.length / 3)) ? { zone: best.zone, why: 'spelling' } : null;
}
