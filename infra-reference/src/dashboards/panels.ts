import { PanelBuilder as BarGaugePanel } from '@grafana/grafana-foundation-sdk/bargauge';
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import {
  BarGaugeDisplayMode,
  BigValueColorMode,
  BigValueGraphMode,
  type DataSourceRef,
  GraphDrawStyle,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  SortOrder,
  StackingConfigBuilder,
  StackingMode,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizOrientation,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { ThresholdsConfigBuilder, ThresholdsMode } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as LogsPanel } from '@grafana/grafana-foundation-sdk/logs';
import { PanelBuilder as PieChartPanel, PieChartType } from '@grafana/grafana-foundation-sdk/piechart';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';

/** A query builder a panel can hold; its refId is assigned by the panel (A, B, C…). */
export type Target = Builder<Dataquery> & { refId(refId: string): unknown };

/** Layout and text shared by every panel helper. */
export interface PanelOptions {
  description?: string;
  /** Grid columns out of 24. @default 12 */
  span?: number;
  /** Grid rows. @default 8 */
  height?: number;
}

/** Threshold steps: the first colour applies from -∞. */
export type Steps = [color: string, from: number | null][];

function common<
  P extends {
    title(t: string): P;
    description(d: string): P;
    span(w: number): P;
    height(h: number): P;
    datasource(d: DataSourceRef): P;
    withTarget(t: Builder<Dataquery>): P;
  },
>(panel: P, title: string, datasource: DataSourceRef, targets: Target[], o: PanelOptions): P {
  panel
    .title(title)
    .datasource(datasource)
    .span(o.span ?? 12)
    .height(o.height ?? 8);
  if (o.description !== undefined) panel.description(o.description);
  targets.forEach((t, i) => {
    t.refId(String.fromCharCode(65 + i));
    panel.withTarget(t);
  });
  return panel;
}

/** A time series panel with a table legend (mean, max) so every series can be read off. */
export function timeseries(
  title: string,
  unit: string,
  datasource: DataSourceRef,
  targets: Target[],
  o: PanelOptions & { bars?: boolean; stacked?: boolean; steps?: Steps; thresholdLine?: boolean } = {},
): TimeseriesPanel {
  const panel = common(new TimeseriesPanel(), title, datasource, targets, o)
    .unit(unit)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['mean', 'max']),
    )
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending));
  if (o.bars) panel.drawStyle(GraphDrawStyle.Bars).fillOpacity(80);
  if (o.stacked) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  if (o.steps) panel.thresholds(thresholds(o.steps));
  if (o.thresholdLine)
    panel.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
  return panel;
}

/** A single value (last non-null) with optional good / needs-improvement / poor colouring. */
export function stat(
  title: string,
  unit: string,
  datasource: DataSourceRef,
  targets: Target[],
  o: PanelOptions & { steps?: Steps; calc?: string } = {},
): StatPanel {
  const panel = common(new StatPanel(), title, datasource, targets, { span: 6, height: 5, ...o })
    .unit(unit)
    .graphMode(BigValueGraphMode.Area)
    .colorMode(o.steps ? BigValueColorMode.Background : BigValueColorMode.None)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs([o.calc ?? 'lastNotNull']).values(false));
  if (o.steps) panel.thresholds(thresholds(o.steps));
  return panel;
}

/** A table, for ranked breakdowns (top N). */
export function table(
  title: string,
  datasource: DataSourceRef,
  targets: Target[],
  o: PanelOptions = {},
): TablePanel {
  return common(new TablePanel(), title, datasource, targets, o).filterable(true);
}

/** Log lines, newest first, with details expandable. */
export function logs(
  title: string,
  datasource: DataSourceRef,
  targets: Target[],
  o: PanelOptions = {},
): LogsPanel {
  return common(new LogsPanel(), title, datasource, targets, { span: 24, height: 10, ...o })
    .showTime(true)
    .wrapLogMessage(true)
    .enableLogDetails(true);
}

/** Shares of a whole (one slice per row of a grouped query). */
export function pie(
  title: string,
  datasource: DataSourceRef,
  targets: Target[],
  o: PanelOptions = {},
): PieChartPanel {
  return common(new PieChartPanel(), title, datasource, targets, { span: 8, ...o })
    .pieType(PieChartType.Donut)
    .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs(['lastNotNull']));
}

/** Horizontal bars, for a few ranked values. */
export function bars(
  title: string,
  unit: string,
  datasource: DataSourceRef,
  targets: Target[],
  o: PanelOptions & { steps?: Steps } = {},
): BarGaugePanel {
  const panel = common(new BarGaugePanel(), title, datasource, targets, o)
    .unit(unit)
    .orientation(VizOrientation.Horizontal)
    .displayMode(BarGaugeDisplayMode.Gradient)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  if (o.steps) panel.thresholds(thresholds(o.steps));
  return panel;
}

function thresholds(steps: Steps): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps(steps.map(([color, value]) => ({ color, value })));
}
