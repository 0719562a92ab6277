import { useEffect, useState } from 'react';
import { Download } from 'lucide-react';
import type { FileTarget, TextPreview } from '../../src-common/models/files';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../volumes/volume-actions';
import { fileStrings as t } from './strings';

/** A text file's start (up to 1 MiB, said when cut), or why it is not shown: binary, failed. */
export function FileViewer({ target, path, name, onDownload, onClose }: { target: FileTarget; path: string; name: string; onDownload(): void; onClose(): void }) {
  const [preview, setPreview] = useState<TextPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.call('files.readText', { target, path }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError(errorText(err)),
    );
    return () => {
      current = false;
    };
  }, [target, path]);

  return (
    <Dialog
      title={path}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button icon={Download} onClick={onDownload}>
            {t.viewer.download}
          </Button>
          <Button variant="primary" onClick={onClose} data-autofocus>
            {t.viewer.close}
          </Button>
        </>
      }
    >
      {!preview && !error && <p className="placeholder">{t.viewer.loading}</p>}
      {error && (
        <Banner tone="danger" role="alert">
          {error}
        </Banner>
      )}
      {preview && preview.text === null && <p>{t.viewer.binary(formatBytes(preview.size))}</p>}
      {preview && preview.text !== null && (
        <>
          {preview.truncated && (
            <Banner tone="info" role="status">
              {t.viewer.truncated(formatBytes(preview.shownBytes), formatBytes(preview.size))}
            </Banner>
          )}
          <pre className="file-text" tabIndex={0} aria-label={t.viewer.contentLabel(name)}>
            {preview.text}
          </pre>
        </>
      )}
    </Dialog>
  );
}
