import { useBerthStore } from '../store/store';
import { shellStrings } from './strings';

const s = shellStrings.status;

/** The engine's state in words and colour, with what it is connected to; the status bar's first item. */
export function EngineStatusBar() {
  const status = useBerthStore((st) => st.engineStatus);
  const serverConnected = useBerthStore((st) => st.serverConnected);
  const endpointChange = useBerthStore((st) => st.endpointChange);

  let tone: 'ok' | 'wait' | 'bad';
  let word: string;
  let details: string[] = [];
  if (!serverConnected) {
    tone = 'bad';
    word = s.unreachable;
    details = [s.serverLost];
  } else if (!status || status.state === 'connecting') {
    tone = 'wait';
    word = s.connecting;
    if (status?.endpoint) details = [status.endpoint.display];
  } else if (status.state === 'connected') {
    tone = 'ok';
    word = s.connected;
    const e = status.engine;
    details = [`${e.name} ${e.version}`, s.api(e.apiVersion), `${e.os}/${e.arch}`, status.endpoint.display];
  } else {
    tone = 'bad';
    // "Unreachable" for an engine that is not there; what fails for one that is (failing, refusing…).
    word = (status.problem && s.problem[status.problem]) || s.unreachable;
    details = [status.error, ...(status.endpoint ? [status.endpoint.display] : [])];
  }

  const all = details.join(' · ');
  return (
    <div role="region" aria-label={s.region} className={`engine-status engine-status-${tone}`}>
      <span className="engine-status-dot" aria-hidden="true" />
      <strong className="engine-status-word">{word}</strong>
      {details.length > 0 && (
        <span className="engine-status-details" title={all}>
          {details.map((d) => (
            <span key={d} className="engine-status-detail">
              {d}
            </span>
          ))}
        </span>
      )}
      {endpointChange && <span className="engine-status-changed">{s.endpointChanged(endpointChange.from)}</span>}
    </div>
  );
}
