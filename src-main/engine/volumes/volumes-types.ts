/** The engine's volume JSON as Berth reads it (API 1.41+; Podman leaves fields out). */
export interface RawVolumeFull {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Scope?: string;
  Options?: Record<string, string> | null;
  /** Only from `/system/df`. */
  UsageData?: { Size?: number; RefCount?: number } | null;
}

export interface RawVolumeList {
  Volumes?: RawVolumeFull[] | null;
  Warnings?: string[] | null;
}
