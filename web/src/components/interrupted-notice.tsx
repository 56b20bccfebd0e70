// Shown instead of the live look when the process running a tournament is gone: the log stops
// where it died, and nothing more will happen until someone resumes it from the run folder.
import { CopyText } from './ui.tsx';

/** The command that continues tournament `id` (the CLI prints the same). */
export const resumeCommand = (id: string): string => `codearena run --resume ${id}`;

export function InterruptedNotice({ id }: { id: string }) {
  return (
    <section className="interrupted-note" role="status" data-interrupted>
      <p>
        <strong>Interrupted.</strong> The process running this tournament stopped before it finished (killed, crashed or
        its machine went away). Everything logged up to here is kept; resume it where it stopped with:
      </p>
      <CopyText text={resumeCommand(id)} label="resume command" />
    </section>
  );
}
