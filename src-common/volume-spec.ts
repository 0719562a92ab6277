// The create-volume form's rules and the names the engine accepts, pure so the dialog
// checks a field with the very code main runs again before the engine is called.
import { parseKeyValues } from './run-spec';
import { show } from './parsed';

/** The engine's rule for a volume it is asked to create (moby `volume/local`, validName). */
export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** Volume drivers: "local", or a plugin reference such as "vieux/sshfs:latest". */
export const VOLUME_DRIVER = /^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/;
/** What the local driver takes (`docker volume create -o`); the engine refuses any other key. */
export const LOCAL_DRIVER_OPTIONS = ['type', 'device', 'o', 'size'] as const;
/** Engine 23+ marks the volumes it creates without a name with this label. */
export const ANONYMOUS_VOLUME_LABEL = 'com.docker.volume.anonymous';
const COMPOSE_PROJECT = 'com.docker.compose.project';
const HEX64 = /^[0-9a-f]{64}$/;

export const volumeSpecMessages = {
  nameRequired: 'Give the volume a name.',
  name: (n: string) =>
    `"${show(n)}" is not a valid volume name: use letters, digits, "_", "." and "-", starting with a letter or digit (at least 2 characters, no "/").`,
  nameTooLong: 'A volume name has at most 255 characters.',
  driver: (d: string) => `"${show(d)}" is not a driver name: use letters, digits and "_ . : / -", e.g. local.`,
  localOption: (key: string) => `The local driver has no option "${show(key)}": use ${LOCAL_DRIVER_OPTIONS.join(', ')}.`,
} as const;

/** Why a name cannot be a new volume's name, or null when it can. */
export function volumeNameProblem(name: string): string | null {
  if (name === '') return volumeSpecMessages.nameRequired;
  if (name.length > 255) return volumeSpecMessages.nameTooLong;
  return VOLUME_NAME.test(name) ? null : volumeSpecMessages.name(name);
}

export interface VolumeForm {
  /** Empty: the engine picks a random (64-hex) name, i.e. an anonymous volume. */
  name: string;
  driver: string;
  /** KEY=VALUE lines. */
  labels: string;
  /** KEY=VALUE lines, the driver's options (`-o`). */
  options: string;
}

export type VolumeField = keyof VolumeForm;

export interface VolumeSpec {
  name: string | null;
  driver: string;
  labels: Record<string, string>;
  options: Record<string, string>;
}

export type VolumeFormCheck =
  | { ok: true; spec: VolumeSpec }
  | { ok: false; problems: Partial<Record<VolumeField, string>> };

/** Checks every field at once; one message per field. */
export function checkVolumeForm(form: VolumeForm): VolumeFormCheck {
  const problems: Partial<Record<VolumeField, string>> = {};
  const name = form.name.trim();
  const nameProblem = name === '' ? null : volumeNameProblem(name);
  if (nameProblem) problems.name = nameProblem;
  const driver = form.driver.trim() || 'local';
  if (!VOLUME_DRIVER.test(driver) || driver.length > 255) problems.driver = volumeSpecMessages.driver(driver);
  const labels = parseKeyValues(form.labels, 'label');
  if (!labels.ok) problems.labels = labels.message;
  const options = parseKeyValues(form.options, 'option');
  if (!options.ok) problems.options = options.message;
  else if (driver === 'local') {
    const unknown = Object.keys(options.value).find((k) => !(LOCAL_DRIVER_OPTIONS as readonly string[]).includes(k));
    if (unknown !== undefined) problems.options = volumeSpecMessages.localOption(unknown);
  }
  if (Object.keys(problems).length > 0 || !labels.ok || !options.ok) return { ok: false, problems };
  return { ok: true, spec: { name: name === '' ? null : name, driver, labels: labels.value, options: options.value } };
}

export function emptyVolumeForm(): VolumeForm {
  return { name: '', driver: 'local', labels: '', options: '' };
}

/**
 * Whether the engine made this volume without a name. Engine 23+ (API 1.42) says so with
 * a label, and its prune goes by that label alone, so Berth does too there. API 1.41 keeps
 * no record: a volume created for an unnamed mount gets 64 random hex digits as its name,
 * so that is how Berth tells it (a person naming a volume so is not a case worth guessing for).
 */
export function isAnonymousVolume(name: string, labels: Readonly<Record<string, string>>, labelsMarkAnonymous: boolean): boolean {
  if (Object.hasOwn(labels, ANONYMOUS_VOLUME_LABEL)) return true;
  return !labelsMarkAnonymous && HEX64.test(name);
}

export function composeProjectOf(labels: Readonly<Record<string, string>>): string | null {
  return labels[COMPOSE_PROJECT] ?? null;
}

/** "1.41" < "1.42": compares API versions numerically, part by part. */
export function apiAtLeast(version: string | null | undefined, wanted: string): boolean {
  if (!version) return false;
  const a = version.split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}
