// runs/campaigns/<name>/: the one owner of a campaign's own files — the spec as written and what
// it expanded to — so a second `campaign run` of the same campaign continues it, and one with
// another spec under the same name is refused rather than mixed in. The tournaments themselves
// are ordinary run folders beside the others (runs/<run id>), each owned by RunFolder.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CampaignJob, CampaignRecord } from '@codearena/protocol';
import { UsageError } from '../cli/preflight.ts';
import { writeAtomic } from '../store/run-folder.ts';

/** Another spec under a campaign's name: the user's to fix (exit 2), never to be mixed in. */
export class CampaignConflict extends UsageError {
  override readonly name = 'CampaignConflict';
}

export class CampaignFolder {
  readonly dir: string;
  constructor(
    runsDir: string,
    readonly campaign: string,
  ) {
    this.dir = join(runsDir, 'campaigns', campaign);
  }

  get recordFile(): string {
    return join(this.dir, 'campaign.json');
  }

  read(): CampaignRecord | null {
    if (!existsSync(this.recordFile)) return null;
    try {
      return CampaignRecord.parse(JSON.parse(readFileSync(this.recordFile, 'utf8')));
    } catch {
      return null;
    }
  }

  /** Throws CampaignConflict when the campaign exists with another spec (writes nothing). */
  check(resolvedSpec: unknown): void {
    const existing = this.read();
    if (existing && existing.specHash !== hashOf(resolvedSpec))
      throw new CampaignConflict(
        `campaign ${this.campaign}: a campaign named "${this.campaign}" was started with another spec (${join(this.dir, 'spec.yaml')}); ` +
          'give this one another campaign.name, or remove that folder to start over',
      );
  }

  /**
   * Records the campaign on its first run; on a later one checks it is the same spec (a finished
   * tournament is then never rerun). Throws CampaignConflict for another spec under this name.
   */
  open(resolvedSpec: unknown, rawSpec: string, jobs: CampaignJob[], now = Date.now()): CampaignRecord {
    this.check(resolvedSpec);
    const existing = this.read();
    if (existing) return existing;
    const specHash = hashOf(resolvedSpec);
    const record: CampaignRecord = {
      name: this.campaign,
      specHash,
      createdAt: now,
      jobs: jobs.map(({ index, runId, arena, players, repeat }) => ({ index, runId, arena, players, repeat })),
    };
    writeAtomic(join(this.dir, 'spec.yaml'), rawSpec);
    writeAtomic(this.recordFile, `${JSON.stringify(record, null, 2)}\n`);
    return record;
  }
}

const hashOf = (spec: unknown): string => createHash('sha256').update(JSON.stringify(spec)).digest('hex');
