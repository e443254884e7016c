/**
 * What one browser bridge accepts, so that nobody (signed in or not) can exhaust the console's
 * memory, sockets or time. The defaults fit the page: its calls are a few KB of shallow JSON, its
 * upload pieces 4 MB of file (5.6 MB as base64), and a browser opens about six connections.
 */
export interface BridgeLimits {
  /** Any request body before we know who sends it, and every call but an upload piece. */
  bodyBytes: number;
  /** An upload piece of a signed-in user who may import (checked before the body is read). */
  uploadPieceBytes: number;
  /** Arrays and objects inside one another, counted on the bytes before JSON.parse sees them. */
  nestingDepth: number;
  /** Open connections in all (over it, the system closes new ones at once). */
  connections: number;
  /** Open connections from one address (over it, a 503 answer and the connection closed). */
  connectionsPerClient: number;
  /** A request's headers must have arrived by then (slow-header clients hold sockets). */
  headersTimeoutMs: number;
  /** The whole request, body included (an 8 MB piece on a slow network fits easily). */
  requestTimeoutMs: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = {
  bodyBytes: 64 * 1024,
  uploadPieceBytes: 8 * 1024 * 1024,
  nestingDepth: 16,
  connections: 128,
  connectionsPerClient: 32,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
};

export function bridgeLimits(overrides: Partial<BridgeLimits> = {}): BridgeLimits {
  return { ...DEFAULT_BRIDGE_LIMITS, ...overrides };
}

/** "64 KB", "8 MB": how a limit is said in messages. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
