import { useEffect, useRef, useState } from 'react';

/**
 * A dialog form checked by a pure rule shared with main: a field shows its problem once
 * it was left (or after a submit), a problem main sent back sticks to its field until the
 * field changes, and a refused submit moves focus to the first field that needs attention.
 */
export function useCheckedForm<F extends object, K extends string>(initial: F, check: (form: F) => Partial<Record<K, string>>) {
  const [form, setForm] = useState<F>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(0);
  const [fromMain, setFromMain] = useState<Partial<Record<K, string>>>({});
  const container = useRef<HTMLDivElement>(null);
  const local = check(form);

  useEffect(() => {
    if (submitted > 0) container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitted]);

  return {
    form,
    container,
    problemOf: (field: K): string | null => fromMain[field] ?? (submitted > 0 || touched.has(field) ? (local[field] ?? null) : null),
    set: <P extends keyof F>(field: P, value: F[P]) => {
      setForm((f) => ({ ...f, [field]: value }));
      setFromMain((p) => {
        if (!(field in p)) return p;
        const { [field as unknown as K]: _gone, ...rest } = p;
        return rest as Partial<Record<K, string>>;
      });
    },
    touch: (field: K) => setTouched((s) => (s.has(field) ? s : new Set(s).add(field))),
    /** True when the form may be sent; otherwise shows every problem and focuses the first. */
    submit: (): boolean => {
      setSubmitted((n) => n + 1);
      return Object.keys(local).length === 0;
    },
    /** Problems main found (after its own check or the engine's refusal). */
    refuse: (problems: Partial<Record<K, string>>) => {
      setFromMain(problems);
      setSubmitted((n) => n + 1);
    },
  };
}
