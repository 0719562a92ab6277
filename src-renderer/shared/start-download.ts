/**
 * Browser mode: hands a one-time download URL to the browser (an <a download> click), so
 * the file streams from main straight to disk. Electron saved it already.
 */
export function startBrowserDownload(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
