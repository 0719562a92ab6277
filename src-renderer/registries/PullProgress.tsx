import type { LayerProgress, TransferSnapshot } from '../../src-common/models/registries';
import { formatBytes } from '../containers/format';
import { ProgressBar } from '../ui/ProgressBar';
import { registryStrings } from './strings';
import './registries.css';
import { ScrollList } from '../ui/ScrollList';

const t = registryStrings.progress;

function layerDetail(layer: LayerProgress): string {
  const word = registryStrings.layerState[layer.state];
  if (layer.current !== null && layer.total !== null) return `${word} ${t.bytes(formatBytes(layer.current), formatBytes(layer.total))}`;
  if (layer.current !== null) return `${word} ${formatBytes(layer.current)}`;
  return word;
}

const finished = (l: LayerProgress) => l.state === 'done' || l.state === 'exists';

/**
 * The progress of one pull or push: an overall bar and a row per layer with its state
 * and bytes. Reusable wherever an image is pulled (the run dialog shows it too).
 */
export function PullProgress({ snapshot }: { snapshot: TransferSnapshot | null }) {
  if (!snapshot) {
    return (
      <div className="transfer-progress">
        <p className="ui-muted">{t.waitingForEngine}</p>
      </div>
    );
  }
  const doneCount = snapshot.layers.filter(finished).length;
  const percent = Math.round(snapshot.fraction * 100);
  return (
    <div className="transfer-progress">
      <div className="transfer-overall">
        <ProgressBar label={t.overall} value={percent} />
        <span className="ui-count">
          {snapshot.upToDate ? t.upToDate(snapshot.presentLayers) : `${percent}% · ${t.layerCount(doneCount, snapshot.layers.length)}`}
        </span>
      </div>
      {snapshot.layers.length > 0 && (
        <ScrollList className="transfer-layers" aria-label={t.layers}>
          {snapshot.layers.map((layer) => (
            <li key={layer.id} className={`transfer-layer layer-${layer.state}`} aria-label={`${t.layer(layer.id)}: ${layerDetail(layer)}`}>
              <code className="layer-id ui-truncate" title={layer.id}>
                {layer.id}
              </code>
              <ProgressBar size="sm" tone={finished(layer) ? 'success' : 'accent'} label={t.layer(layer.id)} value={Math.round(layer.fraction * 100)} />
              <span className="layer-state ui-truncate" title={layerDetail(layer)}>
                {layerDetail(layer)}
              </span>
            </li>
          ))}
        </ScrollList>
      )}
      {/* A push's last line repeats the digest shown below it. */}
      {snapshot.status && !(snapshot.digest && snapshot.status.includes(snapshot.digest)) && <p className="ui-muted transfer-status ui-wrap-anywhere">{snapshot.status}</p>}
      {snapshot.digest && snapshot.finished && !snapshot.failure && <p className="ui-muted transfer-digest ui-wrap-anywhere">{t.digest(snapshot.digest)}</p>}
    </div>
  );
}
