import { useEffect, useRef, useState } from 'react';
import { messageOf } from './network-actions';

/** What main answers a checked form with: done, or the problems per field, or a refusal on one field (or none). */
export type FormOutcome<K extends string> =
  | { outcome: 'invalid'; problems: Partial<Record<K, string>> }
  | { outcome: 'refused'; field: K | null; message: string }
  | { outcome: string };

/**
 * A dialog form checked by a pure rule shared with main: a field shows its problem once
 * it was changed and left (or after a submit: passing through an empty field is no mistake), a problem main sent back sticks to its field until the
 * field changes, and a refused submit moves focus to the first field that needs attention.
 */
export function useCheckedForm<F extends object, K extends string>(initial: F, check: (form: F) => Partial<Record<K, string>>) {
  const [form, setForm] = useState<F>(initial);
  const [start] = useState<F>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(0);
  const [fromMain, setFromMain] = useState<Partial<Record<K, string>>>({});
  const container = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  /** A problem that belongs to no field (the engine's own words), shown under the form. */
  const [general, setGeneral] = useState<string | null>(null);
  const local = check(form);
  const refuse = (problems: Partial<Record<K, string>>) => {
    setFromMain(problems);
    setSubmitted((n) => n + 1);
  };

  useEffect(() => {
    if (submitted > 0) container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitted]);

  return {
    form,
    container,
    busy,
    general,
    problemOf: (field: K): string | null => fromMain[field] ?? (submitted > 0 || touched.has(field) ? (local[field] ?? null) : null),
    set: <P extends keyof F>(field: P, value: F[P]) => {
      setForm((f) => ({ ...f, [field]: value }));
      setFromMain((p) => {
        if (!(field in p)) return p;
        const { [field as unknown as K]: _gone, ...rest } = p;
        return rest as Partial<Record<K, string>>;
      });
    },
    touch: (field: K) => {
      const changed = (form as Record<string, unknown>)[field] !== (start as Record<string, unknown>)[field];
      if (changed) setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    },
    /**
     * Sends the form when every field passes: problems main finds go to their fields, a
     * refusal without a field (or a failed call) under the form; `done` gets any other outcome.
     */
    send: async <O extends FormOutcome<K>>(call: () => Promise<O>, done: (outcome: O) => void): Promise<void> => {
      setGeneral(null);
      setSubmitted((n) => n + 1);
      if (busy || Object.keys(local).length > 0) return;
      setBusy(true);
      try {
        const outcome = await call();
        if (outcome.outcome === 'invalid' && 'problems' in outcome) refuse(outcome.problems);
        else if (outcome.outcome === 'refused' && 'message' in outcome) {
          if (outcome.field) refuse({ [outcome.field]: outcome.message } as Partial<Record<K, string>>);
          else setGeneral(outcome.message);
        } else done(outcome);
      } catch (err) {
        setGeneral(messageOf(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
