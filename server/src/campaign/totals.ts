// What a campaign will cost before it runs: tournaments, sims, edit phases, and the most it can
// spend on models, which is bounded only by each llm player's cost limit per edit phase.
import { type AgentConfig, type CampaignJob, maxSimsPerRound } from '@codearena/protocol';
import { modelAccessOf } from '@codearena/agent-llm';

export interface ModelSpend {
  /** `provider/model`. */
  model: string;
  /** Edit phases this model works in (rounds × its players, over every tournament). */
  editPhases: number;
  /** Σ edit phases × the player's limits.cost_usd; null when some phase has no bound. */
  worstCaseUsd: number | null;
}

export interface CampaignTotals {
  tournaments: number;
  /** Σ (rounds + 1) × sims_per_round (its max when sequential): round 0 is played too. */
  sims: number;
  /** Σ rounds × players: every player edits once per round after round 0. */
  editPhases: number;
  /** Σ over models; null when some model phase has no cost bound. */
  worstCaseUsd: number | null;
  byModel: ModelSpend[];
  /** Players that call a model with no cost bound: their spend is not capped. */
  unbounded: string[];
  /** Players that call no model (noop, search): they spend nothing. */
  modelFree: string[];
}

/** The model an agent calls and the most one edit phase may spend on it; null for model-free agents. */
function modelOf(agent: AgentConfig): { model: string; costUsd: number | undefined } | null {
  if (agent.kind !== 'llm' && agent.kind !== 'cli') return null;
  return { model: `${modelAccessOf(agent)!.provider}/${agent.model}`, costUsd: agent.limits.cost_usd };
}

export function campaignTotals(jobs: readonly CampaignJob[]): CampaignTotals {
  const byModel = new Map<string, ModelSpend>();
  const unbounded = new Set<string>();
  const modelFree = new Set<string>();
  let sims = 0;
  let editPhases = 0;
  for (const { config } of jobs) {
    const rounds = config.tournament.rounds;
    sims += (rounds + 1) * maxSimsPerRound(config.tournament.sims_per_round);
    editPhases += rounds * config.players.length;
    for (const p of config.players) {
      const m = modelOf(p.agent);
      if (m === null) {
        modelFree.add(p.name);
        continue;
      }
      const entry = byModel.get(m.model) ?? { model: m.model, editPhases: 0, worstCaseUsd: 0 };
      entry.editPhases += rounds;
      if (m.costUsd === undefined) unbounded.add(p.name);
      entry.worstCaseUsd =
        entry.worstCaseUsd === null || m.costUsd === undefined ? null : entry.worstCaseUsd + rounds * m.costUsd;
      byModel.set(m.model, entry);
    }
  }
  const models = [...byModel.values()].sort((a, b) => a.model.localeCompare(b.model));
  const worstCaseUsd = models.some((m) => m.worstCaseUsd === null)
    ? null
    : models.reduce((sum, m) => sum + (m.worstCaseUsd ?? 0), 0);
  return {
    tournaments: jobs.length,
    sims,
    editPhases,
    worstCaseUsd,
    byModel: models,
    unbounded: [...unbounded],
    modelFree: [...modelFree],
  };
}
