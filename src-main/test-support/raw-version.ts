import { request } from 'node:http';

/** The component names `GET /version` lists at a unix:// address, with a 5 s deadline. */
export function rawVersion(host: string): Promise<string[]> {
  const socketPath = host.replace(/^unix:\/\//, '');
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/version', timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        try {
          const v = JSON.parse(body) as { Components?: { Name?: string }[]; Platform?: { Name?: string } };
          resolve([v.Platform?.Name ?? '', ...(v.Components ?? []).map((c) => c.Name ?? '')].filter(Boolean));
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 5 s')));
    req.on('error', reject);
    req.end();
  });
}
