import { useEffect, useId, useState } from 'react';
import { LogLineCap, type ThemeChoice } from '../../src-common/models/settings';
import { useBerthStore } from '../store/store';
import { EngineSection } from './EngineSection';
import { settingsStrings as t } from './strings';
import { useSaveSettings, type SaveState } from './use-save-settings';
import './settings.css';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: t.appearance.system },
  { value: 'light', label: t.appearance.light },
  { value: 'dark', label: t.appearance.dark },
];

function SaveStatus({ state }: { state: SaveState }) {
  const text = state.kind === 'saving' ? t.saving : state.kind === 'saved' ? t.saved : state.kind === 'failed' ? state.message : '';
  return (
    <p className={`settings-save-status${state.kind === 'failed' ? ' settings-error' : ''}`} role="status">
      {text}
    </p>
  );
}

function AppearanceSection({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const theme = useBerthStore((s) => s.settings.theme);
  const headingId = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.appearance.heading}</h2>
      <fieldset className="settings-fieldset settings-row">
        <legend>{t.appearance.group}</legend>
        {THEMES.map((option) => (
          <label key={option.value} className="check">
            <input type="radio" name="theme" checked={theme === option.value} onChange={() => void save({ theme: option.value })} />
            {option.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function LogsSection({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const cap = useBerthStore((s) => s.settings.logLineCap);
  const [draft, setDraft] = useState(String(cap));
  const ids = { heading: useId(), input: useId(), hint: useId(), problem: useId() };
  useEffect(() => setDraft(String(cap)), [cap]);
  const parsed = LogLineCap.safeParse(Number(draft.replace(/[\s,_]/g, '')));
  const invalid = draft.trim() === '' || !parsed.success;
  return (
    <section className="settings-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t.logs.heading}</h2>
      <form
        className="settings-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.success) void save({ logLineCap: parsed.data });
        }}
      >
        <label htmlFor={ids.input}>{t.logs.cap}</label>
        <input
          id={ids.input}
          className="settings-number"
          type="text"
          inputMode="numeric"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${ids.hint} ${ids.problem}` : ids.hint}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button" disabled={invalid || (parsed.success && parsed.data === cap)}>
          {t.logs.apply}
        </button>
        {invalid && (
          <span id={ids.problem} className="settings-error">
            {t.logs.capInvalid}
          </span>
        )}
      </form>
      <p id={ids.hint} className="settings-hint">
        {t.logs.capHint}
      </p>
    </section>
  );
}

function DesktopSection({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const settings = useBerthStore((s) => s.settings);
  const browser = useBerthStore((s) => s.hostMode !== 'electron');
  const ids = { heading: useId(), reason: useId(), notifications: useId() };
  return (
    <section className="settings-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t.desktop.heading}</h2>
      <div className="settings-checks">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifications}
            aria-describedby={browser ? ids.notifications : undefined}
            onChange={(e) => void save({ notifications: e.target.checked })}
          />
          {t.desktop.notifications}
        </label>
        {browser && (
          <p id={ids.notifications} className="settings-hint">
            {t.desktop.notificationsBrowser}
          </p>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={settings.closeToTray}
            disabled={browser}
            aria-describedby={browser ? ids.reason : undefined}
            onChange={(e) => void save({ closeToTray: e.target.checked })}
          />
          {t.desktop.closeToTray}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.startAtLogin}
            disabled={browser}
            aria-describedby={browser ? ids.reason : undefined}
            onChange={(e) => void save({ startAtLogin: e.target.checked })}
          />
          {t.desktop.startAtLogin}
        </label>
        {browser && (
          <p id={ids.reason} className="settings-hint">
            {t.desktop.browserOnly}
          </p>
        )}
      </div>
    </section>
  );
}

export function SettingsPage() {
  const { state, save } = useSaveSettings();
  // Until the first answer the controls would show the defaults, then jump.
  const loaded = useBerthStore((s) => s.settingsLoaded);
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <div className="settings-header">
        <h1 id="settings-title">{t.title}</h1>
        <SaveStatus state={state} />
      </div>
      {loaded ? (
        <div className="settings-body">
          <EngineSection save={save} />
          <AppearanceSection save={save} />
          <LogsSection save={save} />
          <DesktopSection save={save} />
        </div>
      ) : (
        <p className="placeholder">{t.loading}</p>
      )}
    </section>
  );
}
