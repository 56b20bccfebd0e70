// players/<name>/answers/round-<r>.jsonl: the model answers of one player's round, in order,
// across every attempt of the phase (ModelAnswer in protocol/). Each answer is appended the
// moment the provider returns it, so a process killed at any point loses none it paid for: the
// restarted phase is served them before it may call the provider again.
import { appendFileSync, closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type EditExit, ModelAnswer, type ModelAnswers } from '@codearena/protocol';

export interface AnswerLog extends ModelAnswers {
  /** Answers handed out by next() so far. */
  served(): number;
  /** Every answer the file holds now. */
  all(): ModelAnswer[];
}

/**
 * Opens the log at `file`. Without `recorded`, the file's own answers are served first (a
 * resumed phase); with it (a replay of another run) those are served, and each is also written
 * to `file` as it is used, so the new run's log is complete in its turn. The file is cut after
 * its last whole answer: a line torn by a crash was never acted on, and anything after damage
 * is moved to `<file>.damaged`.
 */
export function openAnswerLog(
  file: string,
  o: { recorded?: ModelAnswer[]; offline?: EditExit | null; readOnly?: boolean } = {},
): AnswerLog {
  const { answers: inFile, validBytes, buf } = readAnswerFile(file);
  if (!o.readOnly && validBytes < buf.length) {
    const cut = buf.subarray(validBytes);
    // A torn last line has no newline (each line is one write ending in one). Whole lines cut
    // mean damage (a disk fault, a hand edit): the answers after it cannot be served out of
    // order, but they were paid for, so they are kept aside for a person to look at.
    if (cut.includes(0x0a)) appendFileSync(`${file}.damaged`, cut);
    withFd(file, 'r+', (fd) => ftruncateSync(fd, validBytes));
  }
  const source = o.recorded ?? inFile;
  const written = [...inFile];
  let next = 0;
  const append = (a: ModelAnswer) => {
    if (o.readOnly) throw new Error(`answer log ${file} was opened read-only`);
    // Only what reads back is written: a line that did not parse would cut off every later one.
    const line = `${JSON.stringify(ModelAnswer.parse(a))}\n`;
    mkdirSync(dirname(file), { recursive: true });
    // One write of one line, synced: a crash (or power loss) leaves it whole or torn at the end.
    withFd(file, 'a', (fd) => {
      appendFileSync(fd, line);
      fsyncSync(fd);
    });
    written.push(a);
  };
  return {
    offline: o.offline ?? null,
    next() {
      const a = source[next];
      if (!a) return null;
      next++;
      // Replaying another run's answers: they become this run's record as they are used.
      if (written.length < next) append({ ...a, call: next });
      return a;
    },
    record(a) {
      // A new answer follows the whole record: one recorded after only part of it was served
      // would join a conversation that never happened.
      if (next < source.length)
        throw new Error(
          `answer log ${file}: record() with ${source.length - next} recorded answers not yet served; take next() until it returns null`,
        );
      append({ ...a, call: written.length + 1 });
    },
    served: () => next,
    all: () => [...written],
  };
}

/** The file's whole answers in order, up to the first line that is not one. */
function readAnswerFile(file: string): { answers: ModelAnswer[]; validBytes: number; buf: Buffer } {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return { answers: [], validBytes: 0, buf: Buffer.alloc(0) };
  }
  const answers: ModelAnswer[] = [];
  let pos = 0;
  for (;;) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break;
    const parsed = ModelAnswer.safeParse(parseJson(buf.subarray(pos, nl).toString('utf8')));
    if (!parsed.success) break;
    answers.push(parsed.data);
    pos = nl + 1;
  }
  return { answers, validBytes: pos, buf };
}

function withFd(file: string, flags: string, use: (fd: number) => void): void {
  const fd = openSync(file, flags);
  try {
    use(fd);
  } finally {
    closeSync(fd);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
