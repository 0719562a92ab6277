import { createSessionRegistry } from './session-registry';
import { terminalStrings } from './strings';
import type { TerminalSessionView } from './terminal-session';

/** The app's terminal sessions, kept outside React so they survive tab switches. */
export const terminalSessions = createSessionRegistry<TerminalSessionView>(terminalStrings.sessionLabel);
