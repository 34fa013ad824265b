import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered (null while held open). */
  status: number | null;
}

/**
 * A real HTTP receiver for webhooks on a random local port. `answer` decides each request's status (default 200);
 * `hold` keeps requests open until `release()`.
 */
export async function startReceiver(): Promise<{
  url: string;
  received: ReceivedRequest[];
  answer: (status: number) => void;
  hold: (on: boolean) => void;
  release: () => void;
  close: () => Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  let status = 200;
  let holding = false;
  const held: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const r: ReceivedRequest = { headers: req.headers, body, status: null };
      received.push(r);
      const respond = () => {
        r.status = status;
        res.writeHead(status).end();
      };
      if (holding) held.push(respond);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer: (s) => (status = s),
    hold: (on) => (holding = on),
    release: () => held.splice(0).forEach((f) => f()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
