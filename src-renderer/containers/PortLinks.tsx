import type { PortMapping } from '../../src-common/index';
import { publishedPorts } from './rows';
import { containerStrings as t } from './strings';

/** Published ports as links to localhost; Electron opens them in the system browser. */
export function PortLinks({ ports }: { ports: readonly PortMapping[] }) {
  const published = publishedPorts(ports);
  if (published.length === 0) return null;
  return (
    <span className="port-links">
      {published.map((port) => (
        <a key={port} href={`http://localhost:${port}`} target="_blank" rel="noopener noreferrer" title={t.portLink(port)}>
          {t.portLink(port)}
        </a>
      ))}
    </span>
  );
}
