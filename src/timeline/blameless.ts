/**
 * Blameless rewording of source text: a timeline says what happened, not who typed it. Speakers
 * are never copied (readers drop them); people named in the text become their role from the
 * config's `timeline.roles`, else "a responder"; e-mail addresses go the same way.
 */

/** The role written for a person the config does not map. */
export const DEFAULT_ROLE = 'a responder';

/** A person a source knows: an id (Slack `U…`) and the names they go by. */
export interface Person {
  id?: string;
  names: string[];
}

/** The role of a person: the config's entry for their id or any of their names, else DEFAULT_ROLE. */
export function roleOf(roles: Record<string, string>, person: Person | undefined): string {
  if (!person) return DEFAULT_ROLE;
  if (person.id && roles[person.id]) return roles[person.id] as string;
  for (const name of person.names) {
    const role = roles[name] ?? roles[`@${name}`];
    if (role) return role;
  }
  return DEFAULT_ROLE;
}

// Every run of address characters, with its domain when one follows: an address is a run that has
// one. Matching `[\w.+-]+@…` alone tried each start inside a long run without `@` again (quadratic).
const EMAIL = /[\w.+-]+(@[\w-]+(?:\.[\w-]+)+)?/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces people's names (whole words, any case, `@name` too) and e-mail addresses by roles. */
export class NameScrubber {
  private readonly pattern: RegExp | null;
  private readonly byName = new Map<string, string>();

  constructor(people: readonly Person[], roles: Record<string, string>) {
    for (const person of people) {
      const role = roleOf(roles, person);
      // Short names ("Al", "QA") are too often ordinary words.
      for (const name of person.names) if (name.trim().length >= 3) this.byName.set(name.trim().toLowerCase(), role);
    }
    for (const name of Object.keys(roles)) {
      const bare = name.replace(/^@/, '');
      if (bare.length >= 3 && !/^U[A-Z0-9]+$/.test(bare)) this.byName.set(bare.toLowerCase(), roles[name] as string);
    }
    const names = [...this.byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern =
      names.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}_@.])@?(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  }

  /** The text with known names and e-mail addresses replaced by roles. */
  scrub(text: string): string {
    let out = text.includes('@') ? text.replace(EMAIL, (run, domain?: string) => (domain ? DEFAULT_ROLE : run)) : text;
    if (this.pattern) {
      this.pattern.lastIndex = 0;
      out = out.replace(this.pattern, (m) => this.byName.get(m.replace(/^@/, '').toLowerCase()) ?? DEFAULT_ROLE);
    }
    return out;
  }
}
