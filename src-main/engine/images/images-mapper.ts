import type { ImageDetails, ImageSummary, ImageUser } from '../../../src-common/models/images';
import type { RawImageInspect, RawImageSummary } from './images-types';

export type UsedBy = ImageSummary['usedBy'];
export const NOT_USED: UsedBy = { running: 0, total: 0 };

/** The engine writes "<none>:<none>" and "<none>@<none>" for what is simply absent. */
const real = (list: readonly string[] | null | undefined) => (list ?? []).filter((s) => !s.startsWith('<none>'));

export function summaryFromList(raw: RawImageSummary, usedBy: UsedBy): ImageSummary {
  return {
    id: raw.Id,
    repoTags: real(raw.RepoTags),
    repoDigests: real(raw.RepoDigests),
    parentId: raw.ParentId ?? '',
    created: raw.Created ?? 0,
    size: raw.Size ?? 0,
    labels: raw.Labels ?? {},
    usedBy,
  };
}

export function summaryFromInspect(raw: RawImageInspect, usedBy: UsedBy): ImageSummary {
  const created = raw.Created ? Date.parse(raw.Created) : NaN;
  return {
    id: raw.Id,
    repoTags: real(raw.RepoTags),
    repoDigests: real(raw.RepoDigests),
    parentId: raw.Parent ?? '',
    created: Number.isFinite(created) ? Math.floor(created / 1000) : 0,
    size: raw.Size ?? 0,
    labels: raw.Config?.Labels ?? {},
    usedBy,
  };
}

const words = (v: string[] | string | null | undefined): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

export function toImageDetails(raw: RawImageInspect, usedBy: UsedBy, containers: ImageUser[]): ImageDetails {
  const c = raw.Config ?? {};
  return {
    summary: summaryFromInspect(raw, usedBy),
    config: {
      env: c.Env ?? [],
      entrypoint: words(c.Entrypoint),
      cmd: words(c.Cmd),
      workingDir: c.WorkingDir ?? '',
      user: c.User ?? '',
      exposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
      volumes: Object.keys(c.Volumes ?? {}).sort(),
      labels: c.Labels ?? {},
      architecture: raw.Architecture ?? '',
      os: raw.Os ?? '',
      variant: raw.Variant ?? '',
    },
    containers,
    raw: raw as unknown as Record<string, unknown>,
  };
}

/** Short id for messages: "fbe7a0f5480b". */
export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** "image nginx:1.27" or "image fbe7a0f5480b" for error messages. */
export function imageLabel(ref: string, tags: readonly string[] = []): string {
  if (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref)) return `image ${tags[0] ?? shortId(ref)}`;
  return `image ${ref}`;
}
