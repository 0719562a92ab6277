import { useEffect, useId, useState } from 'react';
import { LogLineCap, type ThemeChoice } from '../../src-common/models/settings';
import { useBerthStore } from '../store/store';
import { EngineSection } from './EngineSection';
import { settingsStrings as t } from './strings';
import { useSaveSettings, type SaveState } from './use-save-settings';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Input } from '../ui/Input';
import { PageHeader } from '../ui/PageHeader';
import { RadioGroup } from '../ui/RadioGroup';
import { Section } from '../ui/Section';
import { Switch } from '../ui/Switch';
import './settings.css';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: t.appearance.system },
  { value: 'light', label: t.appearance.light },
  { value: 'dark', label: t.appearance.dark },
];

function SaveStatus({ state }: { state: SaveState }) {
  const text = state.kind === 'saving' ? t.saving : state.kind === 'saved' ? t.saved : state.kind === 'failed' ? state.message : '';
  return (
    <p className={`settings-save-status${state.kind === 'failed' ? ' settings-error' : ''}`} role="status" title={text}>
      {text}
    </p>
  );
}

function AppearanceSection({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const theme = useBerthStore((s) => s.settings.theme);
  return (
    <Section title={t.appearance.heading}>
      <RadioGroup<ThemeChoice> legend={t.appearance.group} orientation="horizontal" value={theme} options={THEMES} onChange={(value) => void save({ theme: value })} />
    </Section>
  );
}

function LogsSection({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const cap = useBerthStore((s) => s.settings.logLineCap);
  const [draft, setDraft] = useState(String(cap));
  const formId = useId();
  useEffect(() => setDraft(String(cap)), [cap]);
  const parsed = LogLineCap.safeParse(Number(draft.replace(/[\s,_]/g, '')));
  const invalid = draft.trim() === '' || !parsed.success;
  return (
    <Section title={t.logs.heading}>
      <form
        id={formId}
        className="settings-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.success) void save({ logLineCap: parsed.data });
        }}
      >
        <Field label={t.logs.cap} description={t.logs.capHint} error={invalid ? t.logs.capInvalid : null}>
          {(control) => <Input {...control} className="settings-number" inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <Button type="submit" className="settings-apply" disabled={invalid || (parsed.success && parsed.data === cap)}>
          {t.logs.apply}
        </Button>
      </form>
    </Section>
  );
}

function DesktopSection({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const settings = useBerthStore((s) => s.settings);
  const browser = useBerthStore((s) => s.hostMode !== 'electron');
  const ids = { reason: useId(), notifications: useId() };
  return (
    <Section title={t.desktop.heading}>
      <div className="settings-checks">
        <div className="settings-option">
          <Switch
            label={t.desktop.notifications}
            checked={settings.notifications}
            aria-describedby={browser ? ids.notifications : undefined}
            onChange={(on) => void save({ notifications: on })}
          />
          {browser && (
            <p id={ids.notifications} className="ui-field-hint settings-hint">
              {t.desktop.notificationsBrowser}
            </p>
          )}
        </div>
        <Switch
          label={t.desktop.closeToTray}
          checked={settings.closeToTray}
          disabled={browser}
          aria-describedby={browser ? ids.reason : undefined}
          onChange={(on) => void save({ closeToTray: on })}
        />
        <Switch
          label={t.desktop.startAtLogin}
          checked={settings.startAtLogin}
          disabled={browser}
          aria-describedby={browser ? ids.reason : undefined}
          onChange={(on) => void save({ startAtLogin: on })}
        />
        {browser && (
          <p id={ids.reason} className="ui-field-hint settings-hint">
            {t.desktop.browserOnly}
          </p>
        )}
      </div>
    </Section>
  );
}

export function SettingsPage() {
  const { state, save } = useSaveSettings();
  // Until the first answer the controls would show the defaults, then jump.
  const loaded = useBerthStore((s) => s.settingsLoaded);
  return (
    <section className="ui-page ui-page-scroll settings-page" aria-labelledby="settings-title">
      <PageHeader title={t.title} titleId="settings-title" meta={<SaveStatus state={state} />} />
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
