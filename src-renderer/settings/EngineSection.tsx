import { useCallback, useEffect, useId, useState } from 'react';
import { dockerHostProblem, type DockerContext, type EngineChoice, type SettingsPatch } from '../../src-common/models/settings';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { settingsStrings } from './strings';

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
  return (
    <p className={`settings-engine-status settings-engine-${status.state}`} role="status" aria-live="polite">
      <span className="settings-label-inline">{t.now}:</span> {text}
    </p>
  );
}

/** The endpoint: automatic, a docker context, or a typed address. Saving reconnects the engine. */
export function EngineSection({ save }: { save: (patch: SettingsPatch) => Promise<boolean> }) {
  const saved = useBerthStore((s) => s.settings.engine);
  const [mode, setMode] = useState<EngineChoice['mode']>(saved.mode);
  const [address, setAddress] = useState(saved.mode === 'custom' ? saved.dockerHost : '');
  const [touched, setTouched] = useState(false);
  const { contexts, error, refresh } = useContexts();
  const ids = { auto: useId(), context: useId(), custom: useId(), select: useId(), input: useId(), problem: useId(), hint: useId() };

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
    <section className="settings-section" aria-labelledby={`${ids.auto}-h`}>
      <h2 id={`${ids.auto}-h`}>{t.heading}</h2>
      <p className="settings-lead">{t.lead}</p>
      <EngineStatusLine />
      <fieldset className="settings-fieldset">
        <legend>{t.group}</legend>
        <div className="settings-option">
          <label className="check">
            <input type="radio" name="engine-mode" checked={mode === 'auto'} onChange={() => choose('auto')} aria-describedby={`${ids.auto}-d`} />
            {t.auto}
          </label>
          <p id={`${ids.auto}-d`} className="settings-hint">{t.autoHint}</p>
        </div>

        <div className="settings-option">
          <label className="check">
            <input type="radio" name="engine-mode" checked={mode === 'context'} onChange={() => choose('context')} aria-describedby={`${ids.context}-d`} />
            {t.context}
          </label>
          <p id={`${ids.context}-d`} className="settings-hint">{t.contextHint}</p>
          {mode === 'context' && (
            <div className="settings-inline">
              <label htmlFor={ids.select}>{t.contextSelect}</label>
              <select
                id={ids.select}
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
              </select>
              <button type="button" className="button-small" onClick={refresh}>
                {t.refreshContexts}
              </button>
              {contexts?.length === 0 && <span className="settings-hint">{t.noContexts}</span>}
              {error && <span className="settings-error" role="alert">{error}</span>}
            </div>
          )}
        </div>

        <div className="settings-option">
          <label className="check">
            <input type="radio" name="engine-mode" checked={mode === 'custom'} onChange={() => choose('custom')} aria-describedby={`${ids.custom}-d`} />
            {t.custom}
          </label>
          <p id={`${ids.custom}-d`} className="settings-hint">{t.customHint}</p>
          {mode === 'custom' && (
            <form
              className="settings-inline"
              onSubmit={(e) => {
                e.preventDefault();
                connectCustom();
              }}
            >
              <label htmlFor={ids.input}>{t.customInput}</label>
              <input
                id={ids.input}
                type="text"
                className="settings-text"
                spellCheck={false}
                autoComplete="off"
                placeholder="tcp://127.0.0.1:2375"
                value={address}
                aria-invalid={showProblem}
                aria-describedby={showProblem ? ids.problem : undefined}
                onChange={(e) => setAddress(e.target.value)}
                onBlur={() => setTouched(address !== '')}
              />
              <button type="submit" className="button">
                {t.connect}
              </button>
              {showProblem && (
                <span id={ids.problem} className="settings-error">
                  {problem}
                </span>
              )}
            </form>
          )}
        </div>
      </fieldset>
    </section>
  );
}
