import { useRef } from 'react';
import { downloadContainerLog } from './download';
import { LogView } from './LogView';
import { useLogSession } from './use-log-session';

/**
 * The Logs tab of a container's details. Keyed by the first id it was given, so it
 * keeps showing (and says so) when the container is removed meanwhile.
 */
export function LogsTab({ id, name }: { id: string; name: string }) {
  const firstId = useRef(id).current;
  const { session, tail, setTail, capacity, setCapacity } = useLogSession({ kind: 'container', id: firstId }, `c:${firstId}`);
  if (!session) return null;
  return (
    <LogView
      session={session}
      name={name}
      tail={tail}
      onTailChange={setTail}
      capacity={capacity}
      onCapacityChange={setCapacity}
      onDownload={() => downloadContainerLog(firstId)}
    />
  );
}
