import { ChevronDown, ChevronUp, Copy, Download, Eraser, Pause, Play } from 'lucide-react';
import type { LogTail } from '../../src-common/models/logs';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Field } from '../ui/Field';
import { IconButton } from '../ui/IconButton';
import { SearchField } from '../ui/SearchField';
import { Select } from '../ui/Select';
import { ToolbarSpacer } from '../ui/Toolbar';
import { LINE_CAP_CHOICES, TAIL_CHOICES } from './prefs';
import { logStrings as t } from './strings';

/** The usual choices, plus whatever the Settings page set if it is none of them. */
const capChoices = (current: number): number[] =>
  [...new Set<number>([...LINE_CAP_CHOICES, current])].sort((a, b) => a - b);

export interface ToolbarProps {
  following: boolean;
  onPause: () => void;
  onResume: () => void;
  tail: LogTail;
  onTailChange: (tail: LogTail) => void;
  capacity: number;
  onCapacityChange: (cap: number) => void;
  showTimestamps: boolean;
  onShowTimestamps: (v: boolean) => void;
  wrap: boolean;
  onWrap: (v: boolean) => void;
  query: string;
  onQuery: (q: string) => void;
  filterOnly: boolean;
  onFilterOnly: (v: boolean) => void;
  matchLabel: string;
  onNext: () => void;
  onPrevious: () => void;
  onCopy: () => void;
  onClear: () => void;
  onDownload?: (() => void) | undefined;
}

export function LogToolbar(p: ToolbarProps) {
  return (
    <div role="toolbar" aria-label={t.toolbar} className="log-toolbar">
      <div className="log-toolbar-row">
        {p.following ? (
          <Button size="sm" icon={Pause} onClick={p.onPause}>
            {t.pause}
          </Button>
        ) : (
          <Button size="sm" variant="primary" icon={Play} onClick={p.onResume}>
            {t.resume}
          </Button>
        )}
        <span className="log-search">
          <SearchField
            label={t.search}
            placeholder={t.searchPlaceholder}
            value={p.query}
            onChange={p.onQuery}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (e.shiftKey) p.onPrevious();
                else p.onNext();
              }
            }}
          />
          <IconButton size="sm" icon={ChevronUp} label={t.previousMatch} disabled={p.query === ''} onClick={p.onPrevious} />
          <IconButton size="sm" icon={ChevronDown} label={t.nextMatch} disabled={p.query === ''} onClick={p.onNext} />
          {p.matchLabel && (
            <span className="ui-count log-matches" aria-live="polite">
              {p.matchLabel}
            </span>
          )}
        </span>
        <Checkbox label={t.filterOnly} checked={p.filterOnly} onChange={p.onFilterOnly} />
        <ToolbarSpacer />
        <Button size="sm" variant="ghost" icon={Copy} onClick={p.onCopy}>
          {t.copy}
        </Button>
        <Button size="sm" variant="ghost" icon={Eraser} onClick={p.onClear}>
          {t.clear}
        </Button>
        {p.onDownload && (
          <Button size="sm" variant="ghost" icon={Download} onClick={p.onDownload}>
            {t.download}
          </Button>
        )}
      </div>
      <div className="log-toolbar-row">
        <Field label={t.tailLabel} layout="inline">
          {(control) => (
            <Select compact {...control} value={String(p.tail)} onChange={(e) => p.onTailChange(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
              {TAIL_CHOICES.map((c) => (
                <option key={c} value={String(c)}>
                  {t.tailOptions[String(c)]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t.capLabel} layout="inline">
          {(control) => (
            <Select compact {...control} value={String(p.capacity)} onChange={(e) => p.onCapacityChange(Number(e.target.value))}>
              {capChoices(p.capacity).map((c) => (
                <option key={c} value={String(c)}>
                  {c.toLocaleString('en-US')}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Checkbox label={t.timestamps} checked={p.showTimestamps} onChange={p.onShowTimestamps} />
        <Checkbox label={t.wrap} checked={p.wrap} onChange={p.onWrap} />
      </div>
    </div>
  );
}
