// A ladder's folder (default runs/ladders/<name>/), the ladder's one source of truth, like a run
// folder: ladder.json (the spec it was made from), pairs/<a>~<b>.json (one per pair played,
// written atomically once the pair is over), climbs/<id>.json (with climbs/<id>/<rung>/, the
// codebase a climber carried up from that rung). Whatever is missing is what is left to play, so
// a killed `ladder make` resumes by construction.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LadderClimb, LadderFile, LadderPair } from '@codearena/protocol';
import { writeAtomic } from '../store/run-folder.ts';

export const LADDER_FILE = 'ladder.json';
const PAIRS_DIR = 'pairs';
const CLIMBS_DIR = 'climbs';

export class LadderFolder {
  constructor(readonly dir: string) {}

  /** Null when the folder holds no ladder yet (or a file that is not one). */
  readLadder(): LadderFile | null {
    const r = LadderFile.safeParse(readJson(join(this.dir, LADDER_FILE)));
    return r.success ? r.data : null;
  }

  writeLadder(ladder: LadderFile): void {
    writeAtomic(join(this.dir, LADDER_FILE), `${JSON.stringify(ladder, null, 2)}\n`);
  }

  pairFile(a: string, b: string): string {
    return join(this.dir, PAIRS_DIR, `${a}~${b}.json`);
  }

  /** A pair's file, or null when absent or unreadable (then the pair is played again). */
  readPair(a: string, b: string): LadderPair | null {
    const r = LadderPair.safeParse(readJson(this.pairFile(a, b)));
    return r.success ? r.data : null;
  }

  writePair(p: LadderPair): void {
    writeAtomic(this.pairFile(p.a, p.b), `${JSON.stringify(p)}\n`);
  }

  /** Every readable pair file, whatever ladder it was played for (callers filter). */
  pairs(): LadderPair[] {
    return jsonFiles(join(this.dir, PAIRS_DIR)).flatMap((f) => {
      const r = LadderPair.safeParse(readJson(f));
      return r.success ? [r.data] : [];
    });
  }

  climbFile(id: string): string {
    return join(this.dir, CLIMBS_DIR, `${id}.json`);
  }

  /** climbs/<id>/<rung>/: the climber's codebase as it left that rung (the next rung's start). */
  climbCodebase(id: string, rung: string): string {
    return join(this.dir, CLIMBS_DIR, id, rung);
  }

  readClimb(id: string): LadderClimb | null {
    const r = LadderClimb.safeParse(readJson(this.climbFile(id)));
    return r.success ? r.data : null;
  }

  /** Rewritten after every rung (atomically): a killed climb's file shows how far it got. */
  writeClimb(c: LadderClimb): void {
    writeAtomic(this.climbFile(c.id), `${JSON.stringify(c, null, 2)}\n`);
  }

  /** Every readable climb, oldest first. */
  climbs(): LadderClimb[] {
    return jsonFiles(join(this.dir, CLIMBS_DIR))
      .flatMap((f) => {
        const r = LadderClimb.safeParse(readJson(f));
        return r.success ? [r.data] : [];
      })
      .sort((x, y) => x.startedAt - y.startedAt || x.id.localeCompare(y.id));
  }
}

/** The ladders under `root` (each a folder with a ladder.json), by name. */
export function ladderFolders(root: string): LadderFolder[] {
  let names: string[];
  try {
    names = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
  return names.map((n) => new LadderFolder(join(root, n))).filter((f) => f.readLadder() !== null);
}

export function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
