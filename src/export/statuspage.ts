/**
 * `incidents.json` in the shape of the Statuspage public API v2 (`GET /api/v2/incidents.json`):
 * `{ page, incidents[] }`, each incident with its updates and affected components. Status pages,
 * aggregators and dashboards read this shape; fields we have no facts for are null, as the API has them.
 */
import { lastMoment, latestMoment, newestFirst, opaqueId, type ExportTarget, type ExportedNotice } from './notices.js';

/** Statuspage's impact levels by postmortem severity. */
export const IMPACT_BY_SEVERITY: Readonly<Record<string, 'critical' | 'major' | 'minor' | 'none'>> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'none',
};

/** A component's status while the incident lasts, by impact. */
const COMPONENT_STATUS_BY_IMPACT = {
  critical: 'major_outage',
  major: 'partial_outage',
  minor: 'degraded_performance',
  none: 'operational',
} as const;

/** Where an incident stands, from the moments the postmortem records. */
function incidentStatus(notice: ExportedNotice): 'resolved' | 'monitoring' | 'investigating' {
  if (notice.resolved) return 'resolved';
  return notice.mitigated ? 'monitoring' : 'investigating';
}

function incident(notice: ExportedNotice, pageId: string) {
  const id = `${notice.postmortemId}-${notice.lang}`;
  const status = incidentStatus(notice);
  const impact = IMPACT_BY_SEVERITY[notice.severity] ?? 'none';
  const updatedAt = lastMoment(notice);
  return {
    id,
    name: notice.headline,
    status,
    impact,
    created_at: notice.started,
    updated_at: updatedAt,
    started_at: notice.started,
    monitoring_at: notice.mitigated ?? null,
    resolved_at: notice.resolved ?? null,
    page_id: pageId,
    // The notice as customers read it: a resolved incident's update carries the whole text.
    incident_updates: [
      {
        id: opaqueId(`${id}:${status}`),
        incident_id: id,
        status,
        body: notice.text,
        created_at: updatedAt,
        updated_at: updatedAt,
        display_at: updatedAt,
      },
    ],
    components: notice.components.map((component, index) => ({
      // Derived from the service, so one service is one component across incidents and languages.
      id: opaqueId(`component:${component.key}`),
      name: component.name,
      status: status === 'resolved' ? 'operational' : COMPONENT_STATUS_BY_IMPACT[impact],
      description: null,
      position: index + 1,
      page_id: pageId,
      group: false,
      group_id: null,
      showcase: false,
      only_show_if_degraded: false,
      start_date: null,
      created_at: notice.started,
      updated_at: updatedAt,
    })),
  };
}

/** Builds the `incidents.json` document: one incident per postmortem and language, newest first. */
export function buildStatuspageIncidents(notices: readonly ExportedNotice[], target: ExportTarget) {
  const pageId = opaqueId(`page:${target.url}`);
  const sorted = newestFirst(notices);
  return {
    page: {
      id: pageId,
      name: target.title,
      url: target.url,
      // Without incidents the page is as old as the epoch: the export never reads the clock.
      updated_at: latestMoment(sorted) ?? '1970-01-01T00:00:00Z',
    },
    incidents: sorted.map((n) => incident(n, pageId)),
  };
}
