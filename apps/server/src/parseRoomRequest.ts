/** The most characters a room name may have. */
export const MAX_ROOM_NAME_LENGTH = 200;

/** The room and query parameters a WebSocket request asks for. */
export interface RoomRequest {
  readonly room: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Reads the room name and parameters from a request URL the way the y-websocket client builds it
 * (`${serverUrl}/${room}?${params}`): the room is the percent-decoded path segment after the last '/',
 * the parameters are the query string (the last value wins). Returns null for an empty, too long or
 * malformed room name. Parsed by hand, not with `new URL`, which reads a path like `//room` as a host.
 */
export function parseRoomRequest(url: string): RoomRequest | null {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
  let room: string;
  try {
    room = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return null;
  }
  if (room.length === 0 || room.length > MAX_ROOM_NAME_LENGTH) return null;
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { room, params };
}
