import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatsField } from '../../src-common/models/stats';
import { resolveColor, useThemeVersion } from './chart-colors';
import type { HistoryBuffer } from './history-buffer';

export interface SeriesSpec {
  label: string;
  field: StatsField;
  /** A colour token, e.g. --color-accent. */
  color: string;
  dash?: number[];
  fill?: boolean;
}

interface Props {
  title: string;
  buffer: HistoryBuffer;
  series: SeriesSpec[];
  windowMs: number;
  format: (value: number) => string;
  /** The chart in words, for screen readers (shown too): kept up to date by the tab at a calm rate. */
  summary: string;
  /** The y axis starts at zero and reaches at least this. */
  minMax?: number;
}

const HEIGHT = 150;

/**
 * One time-series chart drawn by uPlot on a canvas. React renders the frame once; new
 * readings go straight from the buffer into uPlot (setData), not through React.
 */
export function StatsChart({ title, buffer, series, windowMs, format, summary, minMax = 1 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const windowRef = useRef(windowMs);
  windowRef.current = windowMs;
  const theme = useThemeVersion();
  const titleId = useId();
  const summaryId = useId();

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const muted = resolveColor('--color-fg-muted', el);
    const grid = resolveColor('--color-border', el);
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const data = (): uPlot.AlignedData => [buffer.t, ...series.map((s) => buffer.cols[s.field])];
    const xRange = (): [number, number] => {
      const now = Date.now() / 1000;
      return [now - windowRef.current / 1000, now];
    };
    const u = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: HEIGHT,
        scales: {
          x: { time: true, range: () => xRange() },
          y: { range: (_u, _min, max) => [0, Math.max(minMax, (max ?? 0) * 1.1)] },
        },
        axes: [
          axis,
          { ...axis, size: 72, values: (_u, splits) => splits.map((v) => format(v)) },
        ],
        series: [
          {},
          ...series.map((s) => {
            const stroke = resolveColor(s.color, el);
            return {
              label: s.label,
              stroke,
              width: 1.5,
              ...(s.dash ? { dash: s.dash } : {}),
              ...(s.fill ? { fill: stroke.replace(/^rgb\((.*)\)$/, 'rgba($1, 0.12)') } : {}),
              value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)),
              spanGaps: false,
            };
          }),
        ],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
      },
      data(),
      el,
    );
    plot.current = u;
    const redraw = () => {
      u.setData(data(), false);
      const [min, max] = xRange();
      u.setScale('x', { min, max });
    };
    const stop = buffer.subscribe(redraw);
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      stop();
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // format and series are module constants of the tab; a theme change redraws in its colours.
  }, [buffer, theme]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    const now = Date.now() / 1000;
    u.setScale('x', { min: now - windowMs / 1000, max: now });
  }, [windowMs]);

  return (
    <figure className="stats-chart" role="group" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption id={titleId} className="stats-chart-title">
        {title}
      </figcaption>
      <p id={summaryId} className="stats-chart-summary">
        {summary}
      </p>
      <div ref={host} className="stats-chart-canvas" aria-hidden="true" />
    </figure>
  );
}
