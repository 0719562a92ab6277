import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { DockerContext, Settings, SettingsPatch, SettingsState } from '../models/settings';

const NoArgs = z.object({}).strict();

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const desktopCalls = {
  'settings.get': call({
    doc:
      'The settings, why the stored file was not used (until acknowledged), and which host serves the UI ' +
      '(start at login and close to tray only apply to the desktop app).',
    request: NoArgs,
    response: SettingsState.extend({ hostMode: z.enum(['electron', 'browser']) }),
  }),
  'settings.update': call({
    doc: 'Change some settings (validated, saved atomically); answers the settings now in force.',
    request: SettingsPatch,
    response: Settings,
  }),
  'settings.acknowledgeLoadProblem': call({
    doc: 'The user saw the notice about the unusable settings file: stop reporting it.',
    request: NoArgs,
    response: z.null(),
  }),
  'engine.contexts': call({
    doc: 'The docker contexts (from $DOCKER_CONFIG/contexts/meta), "default" first, for the endpoint setting.',
    request: NoArgs,
    response: z.array(DockerContext),
  }),
} as const satisfies Record<string, CallSpec>;

export const desktopStreams = {
  'settings.changes': stream({
    doc: 'The settings at once, then after every saved change (from any window or tab).',
    args: NoArgs,
    chunk: Settings,
  }),
} as const satisfies Record<string, StreamSpec>;
