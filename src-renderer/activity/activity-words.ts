import type { ActivityEntry } from '../../src-common/models/activity';
import { activityStrings, eventWords as w } from './strings';

/** "sha256:abc…" and 64-hex ids as their first 12 characters. */
export function shortRef(ref: string): string {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/.exec(ref);
  return hex ? hex[1]!.slice(0, 12) : ref;
}

/** What to call the event's object: its name, else its short id. */
export function objectName(e: ActivityEntry): string {
  return shortRef(e.name || e.id);
}

const verbOf = (table: Record<string, unknown>, action: string): string | undefined => {
  const v = table[action];
  return typeof v === 'string' ? v : undefined;
};

/** The event in words, built from the event alone. */
export function describeEvent(e: ActivityEntry): string {
  if (e.type === 'engine') return w.reconnected;
  const type = activityStrings.typeWord[e.type];
  const name = objectName(e);
  const container = e.details.containerName ?? (e.details.container ? shortRef(e.details.container) : undefined);
  switch (e.type) {
    case 'container': {
      const c = w.container;
      if (e.action === 'kill') return w.sentence(type, name, c.kill(e.details.signal));
      if (e.action === 'die') return w.sentence(type, name, c.die(e.details.exitCode));
      if (e.action === 'rename') return w.sentence(type, name, c.rename(e.details.oldName));
      const health = /^health_status: (.+)$/.exec(e.action);
      if (health) return w.sentence(type, name, c.health(health[1]!));
      const verb = verbOf(c, e.action);
      return verb ? w.sentence(type, name, verb) : w.other(type, name, e.action);
    }
    case 'network': {
      if ((e.action === 'connect' || e.action === 'disconnect') && container) {
        return w.networkContainer(name, container, e.action === 'connect' ? 'connected' : 'disconnected');
      }
      const verb = verbOf(w.network, e.action);
      return verb ? w.sentence(type, name, verb) : w.other(type, name, e.action);
    }
    case 'volume': {
      const verb = verbOf(w.volume, e.action);
      if (!verb) return w.other(type, name, e.action);
      const sentence = w.sentence(type, name, verb);
      if (container && e.action === 'mount') return w.byContainer(sentence, container);
      if (container && e.action === 'unmount') return w.fromContainer(sentence, container);
      return sentence;
    }
    case 'image': {
      const verb = verbOf(w.image, e.action);
      return verb ? w.sentence(type, name, verb) : w.other(type, name, e.action);
    }
  }
}
