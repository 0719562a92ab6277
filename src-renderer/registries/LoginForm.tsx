import { useState, type FormEvent } from 'react';
import type { CredentialStorage, LoginResult } from '../../src-common/models/registries';
import { api } from '../api/client';
import { registryStrings } from './strings';
import { LogIn } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Section } from '../ui/Section';
import { TextField } from '../ui/TextField';

const t = registryStrings.login;
type Field = 'server' | 'username' | 'password';

function storageNote(storage: CredentialStorage): string {
  if (storage.credsStore) return t.storeHelper(storage.credsStore);
  if (storage.encryptedStore.available) return t.storeBerth;
  return t.storeSession(storage.encryptedStore.reason);
}

/** Server, username, password or token; checked by the registry before anything is stored. */
export function LoginForm({ storage, onLoggedIn }: { storage: CredentialStorage | null; onLoggedIn: () => Promise<void> }) {
  const [values, setValues] = useState<Record<Field, string>>({ server: '', username: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const missing: Partial<Record<Field, string>> = {};
    if (!values.server.trim()) missing.server = t.required.server;
    if (!values.username.trim()) missing.username = t.required.username;
    if (!values.password) missing.password = t.required.password;
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    let result: LoginResult;
    try {
      result = await api.call('registries.login', { server: values.server.trim(), username: values.username.trim(), password: values.password });
    } catch (err) {
      setErrors({ form: (err as Error).message });
      setBusy(false);
      return;
    }
    setBusy(false);
    if (!result.ok) {
      setErrors({ [result.field]: result.message });
      return;
    }
    // The secret leaves the page's memory as soon as the registry accepted it.
    setValues((v) => ({ ...v, password: '' }));
    setErrors({});
    setDone(
      result.source === 'session'
        ? t.successSession(result.registry)
        : t.success(result.registry, registryStrings.logins.source(result.source, result.helper)),
    );
    await onLoggedIn();
  };

  return (
    <Section title={t.heading}>
      {storage && <p className="ui-muted">{storageNote(storage)}</p>}
      <form className="login-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.heading}>
        <TextField label={t.server} value={values.server} onChange={set('server')} error={errors.server} placeholder={t.serverPlaceholder} disabled={busy} />
        <TextField label={t.username} value={values.username} onChange={set('username')} error={errors.username} autoComplete="username" disabled={busy} />
        <TextField label={t.password} type="password" value={values.password} onChange={set('password')} error={errors.password} autoComplete="current-password" disabled={busy} />
        <Button type="submit" variant="primary" icon={LogIn} className="login-submit" loading={busy}>
          {t.submit}
        </Button>
      </form>
      {busy && (
        <p role="status" className="ui-muted">
          {t.checking}
        </p>
      )}
      {errors.form && (
        <Banner tone="danger" role="alert">
          {errors.form}
        </Banner>
      )}
      {done && (
        <Banner tone="success" role="status">
          {done}
        </Banner>
      )}
    </Section>
  );
}
