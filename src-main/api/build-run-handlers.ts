import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { buildRunCalls, buildRunStreams } from '../../src-common/contract/build-run';
import { checkBuildContext } from '../engine/build-run/build-context';
import { startBuild } from '../engine/build-run/build-service';
import type { Engine } from '../engine/index';
import { createRunService } from '../engine/build-run/run-service';
import { toErrorShape } from './dispatch';
import type { AppHost } from './app-host';

const PICK_TITLE = 'Choose the folder to build (the build context)';

export function createBuildRunHandlers(
  engine: Engine,
  host: AppHost,
): FeatureHandlers<typeof buildRunCalls, typeof buildRunStreams> {
  const run = createRunService(() => engine.requireClient());
  return {
    calls: {
      'run.options': () => run.options(),
      'run.start': ({ form }) => run.start(form),
      'build.pickContext': async (_request, caller) => {
        if (!host.pickDirectory) return { supported: false, path: null };
        const picked = await host.pickDirectory(PICK_TITLE);
        if (picked) host.pickedPaths?.remember(caller, 'folder', picked);
        return { supported: true, path: picked };
      },
      'build.checkContext': async ({ contextPath, dockerfile }, caller) => {
        host.pickedPaths?.requirePicked(caller, 'folder', contextPath, 'folder');
        const context = await checkBuildContext(contextPath, dockerfile);
        return {
          contextPath: context.contextPath,
          dockerfile: context.dockerfile,
          ignorePatterns: context.matcher.patterns.length,
        };
      },
    },
    streams: {
      'build.run': (args, sink, caller) => {
        let handle: ReturnType<typeof startBuild>;
        try {
          host.pickedPaths?.requirePicked(caller, 'folder', args.contextPath, 'folder');
          handle = startBuild(() => engine.requireClient(), args, (chunk) => sink.next(chunk), {
            onDrain: (listener) => sink.onDrain(listener),
          });
        } catch (err) {
          sink.end({ reason: 'error', error: toErrorShape(err) });
          return () => {};
        }
        handle.finished.then(
          () => sink.end({ reason: 'complete' }),
          (err: unknown) => sink.end({ reason: 'error', error: toErrorShape(err) }),
        );
        return () => handle.cancel();
      },
    },
  };
}
