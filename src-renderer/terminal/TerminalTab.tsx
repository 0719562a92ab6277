import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import type { ContainerSummary } from '../../src-common/models/container';
import type { TerminalMode } from '../../src-common/models/terminal';
import { runContainerAction } from '../containers/actions';
import { terminalSessions } from './registry';
import { terminalStrings as t } from './strings';
import { createTerminalSession, screenReader, type TerminalSessionView } from './terminal-session';
import { Plus, RotateCw, X } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { EmptyState } from '../ui/EmptyState';
import { Field } from '../ui/Field';
import { IconButton } from '../ui/IconButton';
import { Input } from '../ui/Input';
import { Select } from '../ui/Select';
import { TabPanel, Tabs } from '../ui/Tabs';

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

  const tabsId = `terminal-${container.id.slice(0, 12)}`;
  return (
    <div className="terminal-tab">
      {!running && (
        <Banner
          tone="warning"
          action={
            <Button size="sm" onClick={() => void runContainerAction(container.id, 'start')}>
              {t.startContainer}
            </Button>
          }
        >
          {t.notRunning(container.name)}
        </Banner>
      )}
      <div className="terminal-toolbar">
        {sessions.length > 0 && active && (
          <div className="terminal-sessions">
            <Tabs
              size="sm"
              label={t.sessionsLabel}
              idPrefix={tabsId}
              current={String(active.key)}
              tabs={sessions.map((s) => ({ id: String(s.key), label: `${s.label}${s.mode === 'attach' ? ' (attach)' : ''}` }))}
              onSelect={(key) => terminalSessions.select(container.id, Number(key))}
            />
            {/* Closes the selected session; kept out of the tab list, which may hold only tabs. */}
            <IconButton size="sm" icon={X} label={t.closeSession(active.label)} onClick={() => terminalSessions.close(active.key)} />
          </div>
        )}
        <form className="terminal-new" onSubmit={onNew}>
          <Field label={t.modeLabel} layout="inline">
            {(control) => (
              <Select compact {...control} value={mode} onChange={(e) => setMode(e.target.value as TerminalMode)}>
                <option value="exec">{t.modes.exec}</option>
                <option value="attach">{t.modes.attach}</option>
              </Select>
            )}
          </Field>
          {mode === 'exec' && (
            <Field label={t.commandLabel} layout="inline">
              {(control) => <Input {...control} mono className="terminal-command" value={command} placeholder={t.commandPlaceholder} onChange={(e) => setCommand(e.target.value)} />}
            </Field>
          )}
          <Button size="sm" type="submit" icon={Plus} disabled={!running}>
            {t.newSession}
          </Button>
        </form>
        <Checkbox label={t.screenReaderMode} checked={readerMode} onChange={toggleReader} />
      </div>
      {active ? (
        <TabPanel idPrefix={tabsId} id={String(active.key)} className="terminal-panel">
          <SessionView key={active.key} session={active} containerRunning={running} />
        </TabPanel>
      ) : (
        <EmptyState compact title={t.noSessions} />
      )}
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
      {session.mode === 'attach' && <Banner tone="warning">{t.attachNote}</Banner>}
      <div className="terminal-status" role="status">
        {state.kind === 'connecting' && t.connecting}
        {state.kind === 'failed' && t.failed(state.message)}
        {state.kind === 'ended' && (state.how === 'detached' ? t.detached : t.exited(state.exitCode))}
        {(state.kind === 'ended' || state.kind === 'failed') && containerRunning && (
          <Button size="sm" icon={RotateCw} onClick={() => session.reconnect()}>
            {t.reconnect}
          </Button>
        )}
      </div>
      <div ref={hostRef} className="terminal-host" />
    </div>
  );
}
