import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One object PUT to the stand-in, path-style: `/<bucket>/<key>`. */
export interface StoredObject {
  bucket: string;
  key: string;
  body: string;
  contentType: string | undefined;
}

/**
 * A local stand-in for S3 PutObject on 127.0.0.1 (ephemeral port): stores what it is sent, or answers every
 * request with `failWith` (an S3 XML error) when set. Used with `endpoint` + `forcePathStyle` + fake keys.
 */
export async function startS3StandIn(failWith?: { status: number; code: string }) {
  const objects: StoredObject[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failWith) {
        res.writeHead(failWith.status, { 'Content-Type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${failWith.code}</Code><Message>stand-in refuses</Message></Error>`,
        );
        return;
      }
      const [, bucket = '', ...key] = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).split(
        '/',
      );
      objects.push({
        bucket,
        key: key.join('/'),
        body: Buffer.concat(chunks).toString('utf8'),
        contentType: req.headers['content-type'],
      });
      res.writeHead(200, { ETag: '"stand-in"' });
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    objects,
    clientConfig: {
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in-secret' },
      maxAttempts: 1,
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
