// The edit phase of a round, one column per player: every step the agent took (its command and
// output, time, cost, tokens when the agent reports them), how the phase ended, and the diff.
import { useEffect, useState } from 'react';
import type { EventOf } from '@codearena/protocol';
import type { EditModel, TournamentModel } from '../live/tournament-model.ts';
import { fmtDuration, fmtUsd, plural } from '../format.ts';
import { DiffView } from './diff-view.tsx';
import { Card, Empty, Segmented } from './ui.tsx';

const EXIT_TONE: Record<string, string> = { submitted: 'good', unchanged: 'neutral' };

export function EditPhase({ model, colors }: { model: TournamentModel; colors: Record<string, string> }) {
  const rounds = [...model.rounds.keys()].filter((r) => r > 0).sort((a, b) => a - b);
  const latest = rounds.at(-1) ?? null;
  const [picked, setPicked] = useState<number | null>(null);
  const round = picked ?? latest;
  const [diffOf, setDiffOf] = useState<string | null>(null);
  useEffect(() => setDiffOf(null), [round]);

  if (round === null) {
    return (
      <Card title="Edit phase">
        <Empty>Agents edit their code from round 1 on; round 0 plays the starting code.</Empty>
      </Card>
    );
  }
  const r = model.rounds.get(round)!;
  return (
    <Card
      title="Edit phase"
      className="edit-card"
      actions={
        <Segmented
          label="round"
          value={String(round)}
          options={rounds.map((n) => ({ value: String(n), label: `Round ${n}` }))}
          onChange={(v) => setPicked(Number(v))}
        />
      }
    >
      <div className="edit-grid">
        {model.players.map((p) => (
          <PlayerEdit
            key={p.name}
            edit={r.edits.get(p.name) ?? { player: p.name, steps: [], finished: null }}
            color={colors[p.name]!}
            showingDiff={diffOf === p.name}
            onDiff={() => setDiffOf(diffOf === p.name ? null : p.name)}
          />
        ))}
      </div>
      {diffOf && <DiffView tournamentId={model.id} player={diffOf} round={round} onClose={() => setDiffOf(null)} />}
    </Card>
  );
}

function PlayerEdit({
  edit,
  color,
  showingDiff,
  onDiff,
}: {
  edit: EditModel;
  color: string;
  showingDiff: boolean;
  onDiff: () => void;
}) {
  const f = edit.finished;
  const cost = f?.costUsd ?? edit.steps.reduce((s, x) => s + (x.costUsd ?? 0), 0);
  const tokens = edit.steps.reduce((s, x) => s + (tokensOf(x) ?? 0), 0);
  return (
    <div className="edit-col" data-edit-player={edit.player} style={{ borderTopColor: color }}>
      <div className="edit-col-head">
        <span className="dot" style={{ background: color }} />
        <strong>{edit.player}</strong>
        {f ? (
          <span className={`tag tag-${EXIT_TONE[f.exit] ?? 'warn'}`}>{f.exit}</span>
        ) : (
          <span className="tag tag-live">editing…</span>
        )}
      </div>
      <div className="edit-stats muted small">
        <span>{plural(edit.steps.length, 'step')}</span>
        {f && <span>{fmtDuration(f.ms)}</span>}
        <span>{fmtUsd(cost)}</span>
        {tokens > 0 && <span>{tokens.toLocaleString()} tokens</span>}
        {f && (
          <span>
            <span className="plus">+{f.diff.insertions}</span> <span className="minus">−{f.diff.deletions}</span> in{' '}
            {plural(f.diff.files, 'file')}
          </span>
        )}
      </div>
      {f?.summary && <p className="edit-summary">{f.summary}</p>}
      <ol className="steps">
        {edit.steps.map((s) => (
          <Step key={s.seq} step={s} />
        ))}
        {edit.steps.length === 0 && <li className="muted small">no steps</li>}
      </ol>
      {f && (
        <button
          type="button"
          className="btn btn-small"
          onClick={onDiff}
          disabled={f.diff.files === 0}
          aria-expanded={showingDiff}
        >
          {f.diff.files === 0 ? 'no changes' : showingDiff ? 'Hide diff' : `View diff · ${f.commit.slice(0, 7)}`}
        </button>
      )}
    </div>
  );
}

/** Tokens an LLM step used ({ input, output } on edit.step; absent for model-free agents). */
function tokensOf(s: EventOf<'edit.step'>): number | null {
  const t = (s as { tokens?: unknown }).tokens;
  if (typeof t === 'number') return t;
  if (typeof t === 'object' && t !== null) {
    const { input, output } = t as { input?: unknown; output?: unknown };
    return (typeof input === 'number' ? input : 0) + (typeof output === 'number' ? output : 0);
  }
  return null;
}

const thoughtOf = (s: EventOf<'edit.step'>): string | null => {
  const t = (s as { thought?: unknown }).thought;
  return typeof t === 'string' && t.trim() ? t : null;
};

function Step({ step }: { step: EventOf<'edit.step'> }) {
  const [open, setOpen] = useState(false);
  const lines = step.output.split('\n');
  const long = lines.length > 3 || step.output.length > 240;
  const tokens = tokensOf(step);
  const thought = thoughtOf(step);
  return (
    <li className="step">
      {thought && <p className="step-thought">{thought}</p>}
      <div className="step-head">
        <span className="step-n">{step.step}</span>
        <code className="step-action">{step.action}</code>
      </div>
      <div className="step-meta muted small">
        {step.ms !== undefined && <span>{fmtDuration(step.ms)}</span>}
        {step.costUsd !== undefined && <span>{fmtUsd(step.costUsd)}</span>}
        {tokens !== null && <span>{tokens.toLocaleString()} tokens</span>}
      </div>
      {step.output && (
        <pre
          className={`step-output${open ? ' open' : ''}`}
          onClick={() => long && setOpen(!open)}
          title={long ? (open ? 'click to fold' : 'click to unfold') : undefined}
        >
          {open || !long ? step.output : `${lines.slice(0, 3).join('\n').slice(0, 240)}…`}
        </pre>
      )}
    </li>
  );
}
