import {
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
} from '@grafana/grafana-foundation-sdk/dashboard';

/** The tag every generated dashboard carries; the dashboard links list them all. */
export const DASHBOARD_TAG = 'usermetrics';

/**
 * A dashboard with the house defaults: stable uid (links and provisioning rely on it), last 6 hours,
 * shared crosshair, and a drop-down linking to the other usermetrics dashboards with time and variables kept.
 */
export function board(
  uid: string,
  title: string,
  description: string,
  tags: string[] = [],
): DashboardBuilder {
  return new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags([DASHBOARD_TAG, ...tags])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('5m')
    .link(
      new DashboardLinkBuilder('usermetrics')
        .type(DashboardLinkType.Dashboards)
        .tags([DASHBOARD_TAG])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true),
    );
}
