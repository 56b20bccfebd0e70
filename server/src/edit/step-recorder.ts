// An agent's steps, as they happen: the whole step (with the conversation) goes to the
// trajectory file, a small edit.step event goes to the bus for the live view and the index.
import type { EditContext } from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import type { RunFolder } from '../store/run-folder.ts';

export interface StepRecorder {
  step: EditContext['step'];
  count(): number;
}

/** Output shown in an edit.step event is cut here (the trajectory keeps it whole). */
const EVENT_OUTPUT_CHARS = 20_000;

export function stepRecorder(o: {
  bus: EventBus;
  layout: Pick<RunFolder, 'appendTrajectory'>;
  player: string;
  round: number;
  now: () => number;
}): StepRecorder {
  const { bus, layout, player, round } = o;
  let steps = 0;
  return {
    count: () => steps,
    step: (action, output, extra = {}) => {
      steps++;
      // The trajectory file keeps the conversation (messages); the event stays small.
      const { messages, ...shown } = extra;
      layout.appendTrajectory(player, round, {
        step: steps,
        ts: o.now(),
        action,
        output,
        ...shown,
        ...(messages ? { messages } : {}),
      });
      bus.emit({
        type: 'edit.step',
        round,
        player,
        step: steps,
        action,
        output: output.slice(0, EVENT_OUTPUT_CHARS),
        ...shown,
      });
    },
  };
}
