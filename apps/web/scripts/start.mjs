#!/usr/bin/env node
// `npm start`: builds the workspace and serves it, printing the address to open.
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
await build({ root, logLevel: 'warn' });
const server = await preview({ root, logLevel: 'warn', preview: { port, host: process.env.HOST ?? '127.0.0.1' } });
const address = server.httpServer.address();
const url =
  typeof address === 'object' && address ? `http://${address.address}:${address.port}/` : `http://127.0.0.1:${port}/`;
console.log(`\nSamplan körs på ${url}  (Ctrl+C avslutar)\nSamplan is running at ${url}\n`);
