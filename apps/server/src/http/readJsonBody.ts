import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpErrors.ts';

/** The largest request body the API reads (1 MB). */
export const MAX_BODY_BYTES = 1_000_000;

const tooLarge = () =>
  new HttpError(413, 'body-too-large', 'Förfrågan är för stor (högst 1 MB).', {}, { Connection: 'close' });

/**
 * Reads a request body as JSON, at most `limit` bytes: a declared Content-Length over the limit is refused
 * before reading; a body that grows over it stops being buffered (the rest is drained and discarded, so the
 * client still gets the 413; past 4 × the limit the request is cut off). An empty body is `undefined`; malformed JSON is a 400.
 */
export async function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // A client that keeps sending far past the limit is cut off (the response may then not reach it).
    if (size > 4 * limit) break;
    if (over) continue;
    if (size > limit) {
      over = true;
      chunks.length = 0;
      continue;
    }
    chunks.push(chunk);
  }
  if (over || size > limit) throw tooLarge();
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad-json', 'Förfrågan är inte giltig JSON.');
  }
}
