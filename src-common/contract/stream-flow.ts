import { createFlowWindow, type FlowWindow } from './flow';
import type { StreamSpec } from './define';
import { streams } from './streams';

/** The flow window a stream's contract entry asks for (the default one otherwise). */
export function flowWindowFor(stream: string): FlowWindow {
  const spec: StreamSpec | undefined = Object.hasOwn(streams, stream)
    ? (streams as Record<string, StreamSpec>)[stream]
    : undefined;
  return spec?.flow ? createFlowWindow(spec.flow.highWater, spec.flow.lowWater) : createFlowWindow();
}
