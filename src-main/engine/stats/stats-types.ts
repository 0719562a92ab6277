// The engine's `/containers/{id}/stats` JSON as Berth reads it. Every field optional:
// Docker on cgroup v1 and v2, Podman's compatible API and Windows engines each leave
// different ones out (see the recorded answers in fixtures/).

export interface RawCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface RawStats {
  read?: string;
  preread?: string;
  /** Windows: the number of processors. */
  num_procs?: number;
  cpu_stats?: RawCpuStats;
  precpu_stats?: RawCpuStats;
  memory_stats?: {
    usage?: number;
    limit?: number;
    /** cgroup v1: total_inactive_file and friends; v2: inactive_file and friends. */
    stats?: Record<string, number>;
    /** Windows. */
    privateworkingset?: number;
  };
  /** Absent for host networking and `--network none`. */
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number } | null>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  /** Windows. */
  storage_stats?: { read_size_bytes?: number; write_size_bytes?: number };
  pids_stats?: { current?: number };
}
