// A failure of the machinery under a match — the Docker daemon unreachable or failing, a
// container that vanished or would not start — as opposed to anything a bot did. Never scored:
// a sim it spoils is voided and replayed; when it persists the round is aborted, not scored.
export class InfraError extends Error {
  override readonly name = 'InfraError';
}

export const isInfraError = (e: unknown): e is InfraError => e instanceof InfraError;

/** Wraps what the Docker client threw into an InfraError naming the step that failed. */
export function infraError(step: string, e: unknown): InfraError {
  if (e instanceof InfraError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new InfraError(`${step}: ${msg.trim().slice(0, 500)}`);
}
