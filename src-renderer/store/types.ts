import type { ApiErrorShape, ContainerChange, ContainerSummary, EngineStatus } from '../../src-common/index';
import type { SettingsSlice } from '../settings/settings-slice';
import type { KeyboardSlice } from '../keyboard/keyboard-slice';
import type { ImagesSlice } from '../images/images-slice';
import type { VolumesSlice } from '../volumes/volumes-slice';
import type { NetworksSlice } from '../networks/networks-slice';

export type SortColumn = 'name' | 'image' | 'state' | 'status' | 'ports' | 'created' | 'cpu' | 'memory';
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

export interface Notice {
  id: number;
  message: string;
}

export interface EngineSlice {
  engineStatus: EngineStatus | null;
  /** Date.now() when engineStatus arrived; retryInMs counts from it. */
  engineStatusAt: number;
  /** False while the browser-mode socket to the Berth server is down. */
  serverConnected: boolean;
  /**
   * The last endpoint the engine status named, and the latest change of it during this
   * session (from the settings, by this page or any other client): the status bar marks
   * it, and a notice names both, so a changed endpoint is never silent.
   */
  knownEndpoint: string | null;
  endpointChange: { from: string; to: string } | null;
  /**
   * When the engine (or the Berth server) stopped answering, while it still does not:
   * the container list on screen is as of then. Null while live.
   */
  engineLostAt: number | null;
  setEngineStatus(status: EngineStatus, receivedAt?: number): void;
  setServerConnected(connected: boolean): void;
}

export interface ContainersSlice {
  containers: Record<string, ContainerSummary>;
  /** True once the first snapshot arrived. */
  containersLoaded: boolean;
  /** Why the list could not be loaded, until a snapshot arrives (the engine retries; Retry asks now). */
  containersLoadError: ApiErrorShape | null;
  applyChange(change: ContainerChange): void;
}

export interface UiSlice {
  filterText: string;
  runningOnly: boolean;
  sort: SortOrder;
  selection: ReadonlySet<string>;
  collapsedGroups: ReadonlySet<string>;
  /** The action in flight per container id. */
  pending: Record<string, ContainerAction>;
  notices: Notice[];
  /** Container ids the remove dialog is asking about, or null when it is closed. */
  removeRequest: string[] | null;
  setFilterText(text: string): void;
  setRunningOnly(on: boolean): void;
  /** Same column flips the direction; another column starts ascending. */
  sortBy(column: SortColumn): void;
  toggleSelected(id: string, selected: boolean): void;
  setSelection(ids: Iterable<string>): void;
  toggleGroup(project: string): void;
  setPending(id: string, action: ContainerAction | null): void;
  pushNotice(message: string): void;
  dismissNotice(id: number): void;
  askRemove(ids: string[]): void;
  closeRemove(): void;
}

export type BerthState = EngineSlice & ContainersSlice & UiSlice & SettingsSlice & KeyboardSlice & ImagesSlice & VolumesSlice & NetworksSlice;
