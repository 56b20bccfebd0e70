// The one error a bad config produces. Its message is for humans (the CLI prints it and exits
// 2); `issues` carries the same content structured, for the HTTP API and for tests.
import { escapeControls } from '@codearena/protocol';

export interface ConfigIssue {
  /** Field path in YAML terms, e.g. `players[1].agent.kind`; '' for the file as a whole. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** 1-based position in the YAML text, when the problem points at a place in it. */
  line?: number;
  column?: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Exit status for the CLI: 2 means "your input is wrong", as for usage errors. */
  readonly exitCode = 2;
  readonly issues: readonly ConfigIssue[];
  /** The file (or other source) the issues are about, as the user named it. */
  readonly label: string;

  constructor(label: string, issues: readonly ConfigIssue[]) {
    super(formatIssues(label, issues));
    this.label = label;
    this.issues = issues;
  }
}

/** One issue per line under a header naming the file, so several problems are fixed in one go. */
export function formatIssues(label: string, issues: readonly ConfigIssue[]): string {
  const n = issues.length;
  const lines = issues.map((i) => `  ${formatIssue(i)}`);
  return [`${escapeControls(label)} has ${n} problem${n === 1 ? '' : 's'}:`, ...lines].join('\n');
}

/** Paths and messages quote what the file holds (keys, values, YAML excerpts): control
 *  characters in them are shown escaped, so printing an error cannot drive the terminal. */
export function formatIssue(issue: ConfigIssue): string {
  const where =
    issue.line === undefined
      ? ''
      : issue.column === undefined
        ? `line ${issue.line}: `
        : `line ${issue.line}, column ${issue.column}: `;
  const field = issue.path === '' ? '' : `${escapeControls(issue.path)}: `;
  return `${where}${field}${escapeControls(issue.message, true)}`;
}
