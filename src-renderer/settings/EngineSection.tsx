import { useCallback, useEffect, useId, useState } from 'react';
import { dockerHostProblem, type DockerContext, type EngineChoice, type SettingsPatch } from '../../src-common/models/settings';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { settingsStrings } from './strings';
import { RefreshCw } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Input } from '../ui/Input';
import { Radio } from '../ui/Radio';
import { Section } from '../ui/Section';
import { Select } from '../ui/Select';

const t = settingsStrings.engine;

function useContexts() {
  const [contexts, setContexts] = useState<DockerContext[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.call('engine.contexts', {}).then(
      (list) => {
        setContexts(list);
        setError(null);
      },
      (err: unknown) => setError(t.contextsFailed(err instanceof Error ? err.message : String(err))),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return { contexts, error, refresh };
}

function EngineStatusLine() {
  const status = useBerthStore((s) => s.engineStatus);
  if (!status) return null;
  const display = status.endpoint?.display ?? null;
  const text =
    status.state === 'connected'
      ? t.statusConnected(status.endpoint.display, status.engine.version)
      : status.state === 'connecting'
        ? t.statusConnecting(display)
        : t.statusUnreachable(display, status.error);
  const tone = status.state === 'connected' ? 'success' : status.state === 'connecting' ? 'warning' : 'danger';
  return (
    <Banner tone={tone} role="status" className={`settings-engine-status settings-engine-${status.state}`}>
      <span className="settings-label-inline">{t.now}:</span> <span className="ui-wrap-anywhere">{text}</span>
    </Banner>
  );
}

/** The endpoint: automatic, a docker context, or a typed address. Saving reconnects the engine. */
export function EngineSection({ save }: { save: (patch: SettingsPatch) => Promise<boolean> }) {
  const saved = useBerthStore((s) => s.settings.engine);
  const [mode, setMode] = useState<EngineChoice['mode']>(saved.mode);
  const [address, setAddress] = useState(saved.mode === 'custom' ? saved.dockerHost : '');
  const [touched, setTouched] = useState(false);
  const { contexts, error, refresh } = useContexts();
  const ids = { auto: useId(), context: useId(), custom: useId() };

  // Another window (or the first load) changed the saved choice: show it.
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    const choice = JSON.parse(savedKey) as EngineChoice;
    setMode(choice.mode);
    if (choice.mode === 'custom') setAddress(choice.dockerHost);
  }, [savedKey]);

  const problem = dockerHostProblem(address);
  const showProblem = touched && problem !== null;

  const choose = (next: EngineChoice['mode']) => {
    setMode(next);
    if (next === 'auto' && saved.mode !== 'auto') void save({ engine: { mode: 'auto' } });
  };

  const connectCustom = () => {
    setTouched(true);
    if (problem) return;
    void save({ engine: { mode: 'custom', dockerHost: address.trim() } });
  };

  const selectedContext = saved.mode === 'context' ? saved.name : '';
  const knownNames = new Set((contexts ?? []).map((c) => c.name));

  return (
    <Section title={t.heading}>
      <p className="ui-muted">{t.lead}</p>
      <EngineStatusLine />
      <fieldset className="ui-radio-group ui-radio-group-vertical settings-engine-modes">
        <legend className="ui-legend">{t.group}</legend>
        <div className="ui-radio-option">
          <Radio name="engine-mode" label={t.auto} checked={mode === 'auto'} onChange={() => choose('auto')} aria-describedby={`${ids.auto}-d`} />
          <p id={`${ids.auto}-d`} className="ui-field-hint ui-radio-hint">
            {t.autoHint}
          </p>
        </div>

        <div className="ui-radio-option">
          <Radio name="engine-mode" label={t.context} checked={mode === 'context'} onChange={() => choose('context')} aria-describedby={`${ids.context}-d`} />
          <p id={`${ids.context}-d`} className="ui-field-hint ui-radio-hint">
            {t.contextHint}
          </p>
          {mode === 'context' && (
            <div className="settings-inline settings-nested">
              <Field label={t.contextSelect} layout="inline">
                {(control) => (
                  <Select
                    {...control}
                    value={selectedContext}
                    onChange={(e) => e.target.value && void save({ engine: { mode: 'context', name: e.target.value } })}
                  >
                    <option value="" disabled>
                      …
                    </option>
                    {selectedContext && !knownNames.has(selectedContext) && <option value={selectedContext}>{selectedContext}</option>}
                    {(contexts ?? []).map((c) => (
                      <option key={c.name} value={c.name}>
                        {t.contextOption(c.name, c.endpoint, c.current)}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Button size="sm" icon={RefreshCw} onClick={refresh}>
                {t.refreshContexts}
              </Button>
              {contexts?.length === 0 && <span className="ui-field-hint">{t.noContexts}</span>}
              {error && (
                <span className="settings-error" role="alert">
                  {error}
                </span>
              )}
            </div>
          )}
        </div>

        <div className="ui-radio-option">
          <Radio name="engine-mode" label={t.custom} checked={mode === 'custom'} onChange={() => choose('custom')} aria-describedby={`${ids.custom}-d`} />
          <p id={`${ids.custom}-d`} className="ui-field-hint ui-radio-hint">
            {t.customHint}
          </p>
          {mode === 'custom' && (
            <form
              className="settings-inline settings-nested"
              onSubmit={(e) => {
                e.preventDefault();
                connectCustom();
              }}
            >
              <Field label={t.customInput} error={showProblem ? problem : null}>
                {(control) => (
                  <Input
                    {...control}
                    mono
                    className="settings-text"
                    placeholder="tcp://127.0.0.1:2375"
                    value={address}
                    onChange={(e) => setAddress(e.target.value)}
                    onBlur={() => setTouched(address !== '')}
                  />
                )}
              </Field>
              <Button type="submit" className="settings-apply">
                {t.connect}
              </Button>
            </form>
          )}
        </div>
      </fieldset>
    </Section>
  );
}
