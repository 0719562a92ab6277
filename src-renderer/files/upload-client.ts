import { ApiError } from '../../src-common/contract/api-error';
import type { FileTarget, UploadMode, UploadResult } from '../../src-common/models/files';
import { api } from '../api/client';
import { currentTokenPage, storedToken } from '../api/launch-token';

export interface UploadProgress {
  index: number;
  total: number;
  name: string;
  /** 0..1 of the current file. */
  fraction: number;
}

/** A picked file's path inside the folder: its name, or its place in a picked folder. */
export const uploadPathOf = (file: File): string => (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;

/** One PUT of one file to the offer's URL, with progress; resolves with the server's verdict. */
function put(url: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    // The server takes an upload only with this tab's token (src-main/server/upload-route.ts).
    const page = currentTokenPage();
    const token = page ? storedToken(page) : null;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError('internal', 'the connection to Berth was lost'));
    xhr.onload = () => {
      let body: { ok?: boolean; error?: { code?: string; message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 200 && body.ok) resolve();
      else reject(new ApiError('engine-error', body.error?.message ?? `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}

/**
 * Browser mode: announces the files, then sends each as the body of one request (the
 * browser streams it from disk; Berth streams it on into the engine). A file that fails
 * is reported and the others still go.
 */
export async function uploadFromPage(
  target: FileTarget,
  folder: string,
  files: readonly File[],
  mode: UploadMode,
  onProgress: (p: UploadProgress) => void,
): Promise<UploadResult> {
  const announced = files.map((f) => ({ path: uploadPathOf(f), size: f.size }));
  const offer = await api.call('files.uploadOffer', { target, folder, mode, files: announced });
  const result: UploadResult = { uploaded: [], failed: [] };
  for (const [index, file] of files.entries()) {
    const path = announced[index]!.path;
    onProgress({ index, total: files.length, name: path, fraction: 0 });
    try {
      await put(`${offer.url}/${index}`, file, (fraction) => onProgress({ index, total: files.length, name: path, fraction }));
      result.uploaded.push({ path, size: file.size });
    } catch (err) {
      result.failed.push({ path, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}
