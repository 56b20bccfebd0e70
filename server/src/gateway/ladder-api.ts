// GET /api/ladders and /api/ladders/<name>: the ladders under <runs>/ladders, read through their
// folders' own readers (every file zod-checked), so the page shows exactly what `ladder make` and
// `ladder climb` wrote. Nothing else of the disk is reachable: a name is a LadderName (no dots, no
// slashes) and names a folder directly under the ladders dir; codebase paths are not served.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LadderName, type LadderList, type LadderPayload, type LadderSummary } from '@codearena/protocol';
import { LADDER_FILE, type LadderFolder, ladderFolders } from '../ladder/ladder-folder.ts';
import { currentPairs, ladderMatrix, ladderStandings } from '../ladder/standings.ts';
import { comparisonGraph, componentIndex } from '../rating/index.ts';
import { HttpError, parseInput } from './http-util.ts';

export class LadderService {
  /** `root` is <runs>/ladders; null when the gateway was started without one (no ladders). */
  constructor(private readonly root: string | null) {}

  list(): LadderList {
    const ladders = this.folders().flatMap((f) => {
      const s = summary(f);
      return s ? [s.summary] : [];
    });
    return { ladders };
  }

  get(rawName: string): LadderPayload {
    const name = parseInput(LadderName, rawName, 'ladder name');
    // Only a listed folder (a real directory, not a link, holding a ladder) answers.
    const folders = this.folders();
    const folder = folders.find((f) => baseName(f) === name);
    const s = folder && summary(folder);
    if (!s) {
      const known = folders.map((f) => baseName(f));
      const hint = known.length
        ? `known ladders: ${known.join(', ')}`
        : 'no ladder has been made yet (codearena ladder make <arena> <ladder.yaml>)';
      throw new HttpError(404, `no ladder "${name}"; ${hint}`);
    }
    const { ladder, pairs, climbs } = s;
    const rows = ladderStandings(ladder, pairs);
    const graph = comparisonGraph(
      pairs,
      ladder.rungs.map((r) => r.name),
    );
    const component = componentIndex(graph);
    return {
      ...s.summary,
      seed: ladder.seed,
      rows: rows.map(({ name: id, ...r }) => ({
        id,
        ...r,
        games: r.wins + r.draws + r.losses,
        component: component.get(id) ?? 0,
      })),
      matrix: ladderMatrix(
        pairs,
        rows.map((r) => r.name),
      ),
      // climbs() is oldest first
      climbList: climbs.reverse(),
    };
  }

  /** Folders whose name could be asked for: the URL names a ladder by its folder. */
  private folders(): LadderFolder[] {
    if (this.root === null) return [];
    return ladderFolders(this.root).filter((f) => LadderName.safeParse(baseName(f)).success);
  }
}

const baseName = (f: LadderFolder): string => f.dir.split(/[\\/]/).at(-1)!;

/** A folder's ladder with its current pairs and readable climbs; null when it holds no ladder. */
function summary(folder: LadderFolder) {
  const ladder = folder.readLadder();
  if (!ladder) return null;
  const pairs = currentPairs(ladder, folder.pairs());
  const climbs = folder.climbs();
  const n = ladder.rungs.length;
  const summary: LadderSummary = {
    name: baseName(folder),
    arena: ladder.arena,
    rungs: n,
    sims: ladder.sims,
    pairsPlayed: pairs.length,
    pairsTotal: (n * (n - 1)) / 2,
    climbs: climbs.length,
    madeAt: statSync(join(folder.dir, LADDER_FILE), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  };
  return { summary, ladder, pairs, climbs };
}
