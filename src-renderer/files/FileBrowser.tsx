import { useState } from 'react';
import { ArrowUp, Download, Eye, FileArchive, FolderUp, RefreshCw, Upload } from 'lucide-react';
import type { FileEntry, FileTarget, UploadMode, UploadResult } from '../../src-common/models/files';
import { api } from '../api/client';
import { formatBytes, formatRelativeTime } from '../containers/format';
import { startBrowserDownload } from '../shared/start-download';
import { useNow } from '../shell/use-now';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { DataTable, type Column } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { FilePickerButton } from '../ui/FilePickerButton';
import { IconButton } from '../ui/IconButton';
import { ProgressBar } from '../ui/ProgressBar';
import { notify } from '../ui/toast';
import { Toolbar, ToolbarSpacer } from '../ui/Toolbar';
import { errorText } from '../volumes/volume-actions';
import { Breadcrumb } from './Breadcrumb';
import { joinPath, modeString, parentOf, resolveLink } from './file-paths';
import { FolderCount } from './FolderCount';
import { FileViewer } from './FileViewer';
import { fileStrings as t } from './strings';
import { uploadFromPage, type UploadProgress } from './upload-client';
import { useFolderListing } from './use-folder-listing';
import { useFolderView } from './use-folder-view';
import './files.css';

async function download(target: FileTarget, path: string): Promise<void> {
  try {
    const offer = await api.call('files.download', { target, path });
    if (offer.kind === 'url') startBrowserDownload(offer.url, offer.filename);
    else if (offer.kind === 'saved') {
      notify({ message: t.savedTo(offer.path), tone: 'success' });
    }
  } catch (err) {
    useBerthStore.getState().pushNotice(errorText(err));
  }
}

/**
 * Browses a container's or a volume's files through the archive API: folders, a text
 * view, downloads (a folder as .tar), uploads into the shown folder.
 */
export function FileBrowser({ target, rootName }: { target: FileTarget; rootName: string }) {
  const [path, setPath] = useState('/');
  const [reload, setReload] = useState(0);
  const [viewing, setViewing] = useState<{ path: string; name: string } | null>(null);
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [failures, setFailures] = useState<UploadResult['failed']>([]);
  const hostMode = useBerthStore((s) => s.hostMode);
  const [serverFilter, setServerFilter] = useState('');
  const listing = useFolderListing(target, path, reload, serverFilter);
  const view = useFolderView(listing, `${JSON.stringify(target)}:${path}`, serverFilter, setServerFilter);
  const now = useNow(30_000);

  const go = (next: string) => {
    setPath(next);
    setFailures([]);
  };

  /** A link leads to a folder (open it) or a file (view it); the engine resolves it. */
  const follow = async (entry: FileEntry) => {
    const linkPath = joinPath(path, entry.name);
    try {
      const link = await api.call('files.stat', { target, path: linkPath });
      const to = link.linkTarget ?? (entry.linkTarget ? resolveLink(path, entry.linkTarget) : null);
      if (!to) throw new Error(t.linkOutside);
      const dest = await api.call('files.stat', { target, path: to });
      if (dest.type === 'directory') go(to);
      else setViewing({ path: to, name: dest.name });
    } catch (err) {
      useBerthStore.getState().pushNotice(errorText(err));
    }
  };

  const finishUpload = (result: UploadResult, mode: UploadMode) => {
    setUpload(null);
    setFailures(result.failed);
    setReload((n) => n + 1);
    if (result.uploaded.length === 0) return;
    notify({
      tone: 'success',
      message: mode === 'extract' ? t.extracted(result.uploaded[0]!.path, path) : t.uploaded(result.uploaded.length, path),
    });
  };

  const uploadPicked = async (files: File[], mode: UploadMode) => {
    try {
      finishUpload(await uploadFromPage(target, path, files, mode, setUpload), mode);
    } catch (err) {
      setUpload(null);
      setFailures(files.map((f) => ({ path: f.name, message: errorText(err) })));
    }
  };

  const uploadInMain = async (mode: UploadMode) => {
    try {
      const picked = await api.call('files.pickAndUpload', { target, folder: path, mode });
      if (picked.kind === 'done') finishUpload(picked.result, mode);
    } catch (err) {
      setFailures([{ path, message: errorText(err) }]);
    }
  };

  const columns: Column<FileEntry>[] = [
    {
      key: 'name',
      header: t.columns.name,
      title: (e) => (e.linkTarget ? `${e.name} → ${e.linkTarget}` : e.name),
      cell: (e) => {
        const full = joinPath(path, e.name);
        if (e.type === 'directory') return <Button variant="ghost" size="sm" className="file-name dir" aria-label={t.open(e.name)} onClick={() => go(full)}>{e.name}/</Button>;
        if (e.type === 'symlink')
          return (
            <Button variant="ghost" size="sm" className="file-name link" aria-label={t.follow(e.name, e.linkTarget ?? '')} onClick={() => void follow(e)}>
              {e.name} → {e.linkTarget}
            </Button>
          );
        if (e.type === 'file') return <Button variant="ghost" size="sm" className="file-name" aria-label={t.view(e.name)} onClick={() => setViewing({ path: full, name: e.name })}>{e.name}</Button>;
        return <span className="file-name other">{e.name}</span>;
      },
    },
    {
      key: 'size',
      header: t.columns.size,
      width: '110px',
      numeric: true,
      cell: (e) => {
        const bytes = e.type === 'directory' ? e.totalSize : e.type === 'file' ? e.size : undefined;
        return bytes === undefined ? '' : <span data-bytes={bytes}>{formatBytes(bytes)}</span>;
      },
    },
    { key: 'modified', header: t.columns.modified, width: '140px', hideBelow: 'sm', cell: (e) => formatRelativeTime(e.mtime, now), title: (e) => new Date(e.mtime * 1000).toLocaleString() },
    { key: 'mode', header: t.columns.mode, width: '110px', hideBelow: 'md', cell: (e) => <code>{modeString(e.type, e.mode)}</code>, title: (e) => modeString(e.type, e.mode) },
    {
      key: 'actions',
      header: t.columns.actions,
      hideHeader: true,
      width: '80px',
      overflow: 'wrap',
      cell: (e) => (
        <span className="file-row-actions">
          {e.type === 'file' && <IconButton size="sm" icon={Eye} label={t.view(e.name)} onClick={() => setViewing({ path: joinPath(path, e.name), name: e.name })} />}
          {(e.type === 'file' || e.type === 'directory') && (
            <IconButton size="sm" icon={Download} label={t.download(e.name)} onClick={() => void download(target, joinPath(path, e.name))} />
          )}
        </span>
      ),
    },
  ];

  const reading = listing.complete === null && !listing.error && !listing.stopped;
  const isFolder = listing.stat?.type === 'directory';
  const busy = upload !== null;
  return (
    <div className="file-browser">
      <Toolbar className="file-toolbar">
        <IconButton icon={ArrowUp} label={t.up} disabled={path === '/'} onClick={() => go(parentOf(path))} />
        <Breadcrumb path={path} rootName={rootName} onGo={go} />
        <IconButton icon={RefreshCw} label={t.refresh} onClick={() => setReload((n) => n + 1)} />
        <ToolbarSpacer />
        <Toolbar label={t.toolbarLabel(path)}>
          {hostMode === 'electron' ? (
            <>
              <Button size="sm" icon={Upload} disabled={busy} onClick={() => void uploadInMain('files')}>
                {t.upload}
              </Button>
              <Button size="sm" icon={FileArchive} disabled={busy} onClick={() => void uploadInMain('extract')}>
                {t.extract}
              </Button>
            </>
          ) : (
            <>
              <FilePickerButton size="sm" icon={Upload} disabled={busy} onFiles={(f) => void uploadPicked(f, 'files')}>
                {t.upload}
              </FilePickerButton>
              <FilePickerButton size="sm" icon={FolderUp} disabled={busy} folder onFiles={(f) => void uploadPicked(f, 'files')}>
                {t.uploadFolder}
              </FilePickerButton>
              <FilePickerButton size="sm" icon={FileArchive} disabled={busy} multiple={false} accept=".tar,application/x-tar" onFiles={(f) => void uploadPicked(f, 'extract')}>
                {t.extract}
              </FilePickerButton>
            </>
          )}
          <Button size="sm" icon={Download} aria-label={t.downloadFolderLabel(path)} onClick={() => void download(target, path)}>
            {t.downloadFolder}
          </Button>
        </Toolbar>
      </Toolbar>
      {upload && (
        <div className="file-upload" role="status">
          <span>{t.uploading(upload.index, upload.total, upload.name)}</span>
          <ProgressBar label={t.uploadProgress} value={Math.round(upload.fraction * 100)} />
        </div>
      )}
      {failures.length > 0 && (
        <Banner tone="danger" role="alert" title={t.uploadFailedLead} onDismiss={() => setFailures([])}>
          <ul className="file-failures">
            {failures.map((f) => (
              <li key={f.path}>{t.uploadFailed(f.path, f.message)}</li>
            ))}
          </ul>
        </Banner>
      )}
      {listing.error && (
        <Banner tone="danger" role="alert">
          {t.failed(listing.error)}
        </Banner>
      )}
      {listing.stat && !isFolder && <Banner tone="warning">{t.notAFolder(path)}</Banner>}
      {reading && (
        <div className="file-reading" role="status">
          <span>{t.reading(listing.scanned?.entries ?? listing.entries.length, formatBytes(listing.scanned?.bytes ?? 0))}</span>
          <Button size="sm" variant="ghost" onClick={listing.stop}>
            {t.cancel}
          </Button>
        </div>
      )}
      {listing.stopped && <Banner tone="warning">{t.stopped}</Banner>}
      {isFolder && <FolderCount listing={listing} view={view} path={path} />}
      {listing.complete === true && isFolder && listing.entries.length === 0 && serverFilter === '' ? (
        <EmptyState compact title={t.emptyFolder}>
          {t.emptyFolderHint}
        </EmptyState>
      ) : (
        view.rows.length > 0 && <DataTable label={t.tableLabel(path)} columns={columns} rows={view.rows} rowKey={(e) => e.name} rowProps={(e) => ({ 'data-entry': e.name })} scroll />
      )}
      {viewing && (
        <FileViewer target={target} path={viewing.path} name={viewing.name} onDownload={() => void download(target, viewing.path)} onClose={() => setViewing(null)} />
      )}
    </div>
  );
}
