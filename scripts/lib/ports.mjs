import { createServer, Socket } from 'node:net';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Sends one line and resolves with the first reply, or null if nothing answers in time. */
export function probe(host, port, line, timeoutMs = 1500) {
  return new Promise((resolveReply) => {
    const socket = new Socket();
    const done = (reply) => {
      socket.destroy();
      resolveReply(reply);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.once('error', () => done(null));
    socket.connect(port, host, () => (line ? socket.write(line) : done('')));
    socket.once('data', (data) => done(data.toString()));
  });
}
