import { useEffect, useState } from 'react';
import type { ContainerState } from '../../src-common/models/container';
import { formatBytes, formatPercent, formatRate } from '../../src-common/usage-format';
import { RadioGroup } from '../ui/RadioGroup';
import { newest, peak, type HistoryBuffer } from './history-buffer';
import { StatsChart, type SeriesSpec } from './StatsChart';
import { statsStrings } from './strings';
import { useStatsHistory } from './use-stats-history';
import './stats.css';

const t = statsStrings.tab;
const WINDOWS = ['60000', '300000', '900000'] as const;
type WindowKey = (typeof WINDOWS)[number];
/** Summaries change at a calm pace, not with every reading: a screen reader is not a ticker. */
const SUMMARY_EVERY_MS = 5000;

const bytes = (v: number) => formatBytes(Math.round(v));
const CHARTS: { key: keyof typeof t.charts; series: SeriesSpec[]; format: (v: number) => string; minMax: number }[] = [
  { key: 'cpu', series: [{ label: t.series.cpu, field: 'cpuPercent', color: '--color-accent', fill: true }], format: formatPercent, minMax: 5 },
  {
    key: 'memory',
    series: [
      { label: t.series.memory, field: 'memoryBytes', color: '--color-info-fg', fill: true },
      { label: t.series.limit, field: 'memoryLimitBytes', color: '--color-danger-fg', dash: [6, 4] },
    ],
    format: bytes,
    minMax: 1024 * 1024,
  },
  {
    key: 'network',
    series: [
      { label: t.series.rx, field: 'netRxRate', color: '--color-success-fg' },
      { label: t.series.tx, field: 'netTxRate', color: '--color-accent' },
    ],
    format: formatRate,
    minMax: 1024,
  },
  {
    key: 'block',
    series: [
      { label: t.series.read, field: 'blockReadRate', color: '--color-info-fg' },
      { label: t.series.write, field: 'blockWriteRate', color: '--color-warning-fg' },
    ],
    format: formatRate,
    minMax: 1024,
  },
  { key: 'pids', series: [{ label: t.series.pids, field: 'pids', color: '--color-accent' }], format: (v) => String(Math.round(v)), minMax: 4 },
];

/** Each chart in words: now, and the peak over the window shown. */
function summarize(key: keyof typeof t.charts, buffer: HistoryBuffer, windowMs: number): string {
  const from = (Date.now() - windowMs) / 1000;
  const window = t.windowPeakPrefix[windowMs] ?? '';
  const fmt = (v: number | null, f: (n: number) => string) => (v === null ? '–' : f(v));
  switch (key) {
    case 'cpu': {
      const now = newest(buffer, 'cpuPercent');
      return now === null ? t.summary.none(t.charts.cpu) : t.summary.cpu(formatPercent(now), window, fmt(peak(buffer, 'cpuPercent', from), formatPercent));
    }
    case 'memory': {
      const now = newest(buffer, 'memoryBytes');
      const limit = newest(buffer, 'memoryLimitBytes');
      return now === null
        ? t.summary.none(t.charts.memory)
        : t.summary.memory(bytes(now), limit === null ? null : bytes(limit), window, fmt(peak(buffer, 'memoryBytes', from), bytes));
    }
    case 'network': {
      const rx = newest(buffer, 'netRxRate');
      if (rx === null) return t.summary.none(t.charts.network);
      return t.summary.network(formatRate(rx), fmt(newest(buffer, 'netTxRate'), formatRate), window,
        fmt(peak(buffer, 'netRxRate', from), formatRate), fmt(peak(buffer, 'netTxRate', from), formatRate));
    }
    case 'block': {
      const read = newest(buffer, 'blockReadRate');
      if (read === null) return t.summary.none(t.charts.block);
      return t.summary.block(formatRate(read), fmt(newest(buffer, 'blockWriteRate'), formatRate), window,
        fmt(peak(buffer, 'blockReadRate', from), formatRate), fmt(peak(buffer, 'blockWriteRate', from), formatRate));
    }
    case 'pids': {
      const now = newest(buffer, 'pids');
      return now === null ? t.summary.none(t.charts.pids) : t.summary.pids(String(now), window, fmt(peak(buffer, 'pids', from), String));
    }
  }
}

/** The Stats tab: CPU, memory (with its limit), network, block I/O and processes over 1, 5 or 15 minutes. */
export function StatsTab({ id, state }: { id: string; name: string; state: ContainerState }) {
  const { buffer, stopped } = useStatsHistory(id);
  const [windowKey, setWindowKey] = useState<WindowKey>('300000');
  const windowMs = Number(windowKey);
  const [summaries, setSummaries] = useState<Record<string, string>>({});

  useEffect(() => {
    const update = () => setSummaries(Object.fromEntries(CHARTS.map((c) => [c.key, summarize(c.key, buffer, windowMs)])));
    update();
    // The first readings arrive just after the tab opens: summarize them at once, then calmly.
    const first = buffer.subscribe(() => {
      update();
      first();
    });
    const timer = setInterval(update, SUMMARY_EVERY_MS);
    return () => {
      first();
      clearInterval(timer);
    };
  }, [buffer, windowMs]);

  const running = state === 'running' || state === 'paused';
  return (
    <div className="stats-tab">
      <div className="stats-tab-bar">
        <RadioGroup
          legend={t.windowLabel}
          hideLegend
          orientation="horizontal"
          value={windowKey}
          options={WINDOWS.map((w) => ({ value: w, label: t.windows[Number(w)] }))}
          onChange={(w: WindowKey) => setWindowKey(w)}
        />
        <p className="note">{!running || stopped ? t.stopped : t.hiddenNote}</p>
      </div>
      <div className="stats-charts">
        {CHARTS.map((c) => (
          <StatsChart
            key={c.key}
            title={t.charts[c.key]}
            buffer={buffer}
            series={c.series}
            windowMs={windowMs}
            format={c.format}
            minMax={c.minMax}
            summary={summaries[c.key] ?? ''}
          />
        ))}
      </div>
    </div>
  );
}
