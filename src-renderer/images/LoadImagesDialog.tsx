import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { FolderOpen } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
import { imageStrings } from './strings';

const t = imageStrings.load;
/** Electron's preload exposes window.berth; only there is a native picker available. */
const hasNativePicker = () => typeof window !== 'undefined' && 'berth' in window;

/** Load images from a .tar on the machine where Berth's main runs (a picker in Electron). */
export function LoadImagesDialog({ onClose }: { onClose(): void }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const choose = async () => {
    const picked = await api.call('images.pickTarFile', {}).catch(() => null);
    if (picked) setPath(picked);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (path.trim() === '') {
      setError(t.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setLoaded((await api.call('images.load', { path: path.trim() })).loaded);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t.title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{loaded ? imageStrings.prune.close : t.cancel}</Button>
          {!loaded && (
            <Button type="submit" form={formId} variant="primary" loading={busy}>
              {t.confirm}
            </Button>
          )}
        </>
      }
    >
      {loaded ? (
        <Banner tone="success" role="status">
          {loaded.length ? t.loaded(loaded.join(', ')) : t.loadedNothing}
        </Banner>
      ) : (
        <form id={formId} className="load-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            announceError
            label={t.path}
            description={hasNativePicker() ? t.pathHintElectron : t.pathHint}
            error={error}
            mono
            value={path}
            onChange={setPath}
            // In the desktop app main opens only what its own dialog picked (src-main/api/picked-paths.ts).
            readOnly={hasNativePicker()}
          />
          {hasNativePicker() && (
            <Button icon={FolderOpen} onClick={() => void choose()}>
              {t.choose}
            </Button>
          )}
        </form>
      )}
    </Dialog>
  );
}
