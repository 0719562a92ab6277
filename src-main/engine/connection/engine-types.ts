/**
 * The engine's JSON as it comes over the wire (Docker Engine API 1.41+, Podman's
 * compat API). Only the fields Berth reads; everything is optional-minded because
 * Podman and older engines leave some out.
 */

export interface RawPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

export interface RawContainerSummary {
  Id: string;
  Names?: string[];
  Image?: string;
  ImageID?: string;
  Command?: string;
  Created?: number;
  State?: string;
  Status?: string;
  Ports?: RawPort[];
  Labels?: Record<string, string> | null;
  Mounts?: RawMount[] | null;
}

export interface RawMount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  RW?: boolean;
}

export interface RawEndpointSettings {
  IPAddress?: string;
  GlobalIPv6Address?: string;
  Gateway?: string;
  MacAddress?: string;
  Aliases?: string[] | null;
}

export interface RawContainerInspect {
  Id: string;
  Name?: string;
  Created?: string;
  Path?: string;
  Args?: string[];
  Image?: string;
  RestartCount?: number;
  State?: {
    Status?: string;
    StartedAt?: string;
    FinishedAt?: string;
    ExitCode?: number;
    OOMKilled?: boolean;
    Health?: { Status?: string; FailingStreak?: number; Log?: { Output?: string }[] | null };
  };
  Config?: {
    Image?: string;
    Entrypoint?: string[] | string | null;
    Cmd?: string[] | string | null;
    Env?: string[] | null;
    WorkingDir?: string;
    User?: string;
    Tty?: boolean;
    Labels?: Record<string, string> | null;
  };
  HostConfig?: {
    RestartPolicy?: { Name?: string; MaximumRetryCount?: number };
    NanoCpus?: number;
    CpuShares?: number;
    Memory?: number;
  };
  NetworkSettings?: {
    Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    Networks?: Record<string, RawEndpointSettings> | null;
  };
  Mounts?: RawMount[];
}

export interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
  KernelVersion?: string;
  Platform?: { Name?: string };
  Components?: { Name?: string; Version?: string }[];
}

/** One line of `GET /events`. */
export interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  id?: string;
  status?: string;
  time?: number;
  timeNano?: number;
}

export interface RawVolume {
  Name: string;
  Labels?: Record<string, string> | null;
  Mountpoint?: string;
}

/** Filters as the engine takes them: `{"label":["berth.test=1"]}`. */
export type EngineFilters = Record<string, string[]>;

/** The part of `POST /containers/create` the fixtures and later features need. */
export interface CreateContainerSpec {
  name?: string;
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, Record<string, never>>;
  Volumes?: Record<string, Record<string, never>>;
  StopTimeout?: number;
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number };
  HostConfig?: {
    PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[]>;
    Binds?: string[];
    RestartPolicy?: { Name: string; MaximumRetryCount?: number };
    NanoCpus?: number;
    Memory?: number;
    NetworkMode?: string;
  };
}

export interface BuildImageOptions {
  t: string;
  labels?: Record<string, string>;
  /** Remove intermediate containers (the engine's default is true). */
  rm?: boolean;
}
