// Kept apart from flavors.ts (which loads a YAML parser) so that the CLI's option table can list them.

/** Site flavours. */
export const SITE_FLAVORS = ['jekyll', 'hugo', 'cstate'] as const;
/** A site flavour. */
export type SiteFlavor = (typeof SITE_FLAVORS)[number];
