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
  return new InfraError(`${step}: ${isDockerClientError(e) ? dockerProblem(e) : message(e)}`);
}

/** Connection failures: no daemon listens (stopped, restarting) or it hung up on us. */
const UNREACHABLE = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EACCES']);

/** A Docker client error in words that name the daemon, so the operator knows where to look. */
export function dockerProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if ((code && UNREACHABLE.has(code)) || /socket hang up/i.test(message(e)))
    return `the Docker daemon is not answering (${message(e)})`;
  return `the Docker daemon failed (${message(e)})`;
}

/** What dockerode throws: an HTTP status from the daemon, or a failed connection to it. */
function isDockerClientError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const x = e as Error & { statusCode?: unknown; code?: unknown };
  return typeof x.statusCode === 'number' || (typeof x.code === 'string' && UNREACHABLE.has(x.code));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).trim().slice(0, 500);

/** How long a Docker API call may go unanswered: generous for a busy machine, but a daemon that
 *  stopped answering (hung, frozen) must end in an InfraError, never in a tournament that waits
 *  forever. Not for long-polls or attached streams, which are quiet by design. */
export const DOCKER_ANSWER_MS = 60_000;

/** `call`, or an InfraError naming `what` once the daemon has not answered within `ms`. */
export async function answered<T>(call: Promise<T>, what: string, ms = DOCKER_ANSWER_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new InfraError(`${what}: the Docker daemon did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}
