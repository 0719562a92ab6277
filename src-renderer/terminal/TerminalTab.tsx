import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import type { ContainerSummary } from '../../src-common/models/container';
import type { TerminalMode } from '../../src-common/models/terminal';
import { runContainerAction } from '../containers/actions';
import { terminalSessions } from './registry';
import { terminalStrings as t } from './strings';
import { createTerminalSession, screenReader, type TerminalSessionView } from './terminal-session';

const autoOpened = new Set<string>();

function openSession(containerId: string, mode: TerminalMode, command: string): void {
  terminalSessions.create(containerId, (key, label) =>
    createTerminalSession({ key, label, containerId, mode, command, onChange: terminalSessions.notify }),
  );
}

/** The container's terminal sessions in sub-tabs; each session lives in the registry, not in this component. */
export function TerminalTab({ container }: { container: ContainerSummary }) {
  useSyncExternalStore(terminalSessions.subscribe, terminalSessions.version);
  const sessions = terminalSessions.list(container.id);
  const selectedKey = terminalSessions.selected(container.id);
  const active = sessions.find((s) => s.key === selectedKey) ?? sessions[0];
  const running = container.state === 'running';
  const [mode, setMode] = useState<TerminalMode>('exec');
  const [command, setCommand] = useState('');
  const [readerMode, setReaderMode] = useState(screenReader.on);
  const toggleReader = (on: boolean) => {
    screenReader.on = on;
    setReaderMode(on);
    for (const s of sessions) s.setScreenReaderMode(on);
  };

  // The first visit to a running container's terminal opens a shell at once (not again after the user closed it).
  useEffect(() => {
    if (autoOpened.has(container.id) || !running || sessions.length > 0) return;
    autoOpened.add(container.id);
    openSession(container.id, 'exec', '');
  }, [running, sessions.length, container.id]);

  const onNew = (e: FormEvent) => {
    e.preventDefault();
    openSession(container.id, mode, mode === 'exec' ? command : '');
  };

  return (
    <div className="terminal-tab">
      {!running && (
        <p className="terminal-notice">
          {t.notRunning(container.name)}{' '}
          <button type="button" onClick={() => void runContainerAction(container.id, 'start')}>
            {t.startContainer}
          </button>
        </p>
      )}
      <div className="terminal-toolbar">
        <div role="tablist" aria-label={t.sessionsLabel} className="terminal-sessions">
          {sessions.map((s) => (
            <span key={s.key} className="terminal-session-tab">
              <button
                type="button"
                role="tab"
                aria-selected={s === active}
                tabIndex={s === active ? 0 : -1}
                onClick={() => terminalSessions.select(container.id, s.key)}
              >
                {s.label}
                {s.mode === 'attach' ? ' (attach)' : ''}
              </button>
              <button
                type="button"
                className="terminal-close"
                aria-label={t.closeSession(s.label)}
                title={t.closeSession(s.label)}
                onClick={() => terminalSessions.close(s.key)}
              >
                ×
              </button>
            </span>
          ))}
        </div>
        <form className="terminal-new" onSubmit={onNew}>
          <label>
            {t.modeLabel}{' '}
            <select value={mode} onChange={(e) => setMode(e.target.value as TerminalMode)}>
              <option value="exec">{t.modes.exec}</option>
              <option value="attach">{t.modes.attach}</option>
            </select>
          </label>
          {mode === 'exec' && (
            <label>
              {t.commandLabel}{' '}
              <input value={command} placeholder={t.commandPlaceholder} onChange={(e) => setCommand(e.target.value)} />
            </label>
          )}
          <button type="submit" disabled={!running}>
            {t.newSession}
          </button>
        </form>
        <label className="terminal-reader">
          <input type="checkbox" checked={readerMode} onChange={(e) => toggleReader(e.target.checked)} />{' '}
          {t.screenReaderMode}
        </label>
      </div>
      {active ? <SessionView key={active.key} session={active} containerRunning={running} /> : <p>{t.noSessions}</p>}
    </div>
  );
}

function SessionView({ session, containerRunning }: { session: TerminalSessionView; containerRunning: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const state = session.state();

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    session.attach(host);
    session.focus();
    return () => session.detach();
  }, [session]);

  return (
    <div className="terminal-session">
      {session.mode === 'attach' && <p className="terminal-note">{t.attachNote}</p>}
      <div className="terminal-status" role="status">
        {state.kind === 'connecting' && t.connecting}
        {state.kind === 'failed' && t.failed(state.message)}
        {state.kind === 'ended' && (state.how === 'detached' ? t.detached : t.exited(state.exitCode))}
        {(state.kind === 'ended' || state.kind === 'failed') && containerRunning && (
          <button type="button" onClick={() => session.reconnect()}>
            {t.reconnect}
          </button>
        )}
      </div>
      <div ref={hostRef} className="terminal-host" />
    </div>
  );
}
