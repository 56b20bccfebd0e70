// How git is run on a player's repo. Two walls, both always up:
//  1. git never runs on the host for an agent-written tree: every command runs in a repo box
//     (repo-box.ts), a container as hardened as the agent's workspace, so even a git bug
//     triggered by a crafted tree (git has had memory-safety bugs in attribute parsing) lands in
//     a sandbox that holds nothing the agent did not already have;
//  2. inside the box, every way git has to run a command or follow a path to somewhere else is
//     closed, so nothing the agent wrote can change the round history the host relies on.
// The lists below are the single source for both the box and the test that enumerates them.
import { shellQuote as quote } from '../sandbox/sandbox.ts';

/** `-c key=value` settings given to every git command: each closes a command or path hook. */
export const GIT_SETTINGS: Readonly<Record<string, string>> = {
  // commands git runs by itself
  'core.fsmonitor': 'false', // a command run on status/add/diff (in submodules too)
  'core.hooksPath': '/dev/null', // hooks (pre-commit, post-index-change, reference-transaction, …)
  'core.sshCommand': 'false',
  'core.askPass': 'false',
  'core.pager': 'cat',
  'core.editor': 'false',
  'core.alternateRefsCommand': 'false',
  'credential.helper': '',
  'diff.external': '',
  'sequence.editor': 'false',
  'gpg.program': 'false',
  'commit.gpgSign': 'false',
  'tag.gpgSign': 'false',
  'uploadpack.packObjectsHook': '',
  'gc.auto': '0', // no background gc / maintenance processes
  'maintenance.auto': 'false',
  // other repositories and paths git would follow
  'submodule.recurse': 'false',
  'diff.ignoreSubmodules': 'all',
  'status.submoduleSummary': 'false',
  'protocol.allow': 'never', // no transport at all (ext::, file://, …)
  'core.attributesFile': '/dev/null',
  'core.excludesFile': '/dev/null',
  'core.worktree': '/repo',
  'core.untrackedCache': 'false',
  'core.splitIndex': 'false',
  'core.symlinks': 'true', // links are stored as links, never followed
  'core.protectNTFS': 'true',
  'core.protectHFS': 'true',
  'include.path': '/dev/null',
  'safe.directory': '*',
  // the round commits' identity does not depend on anyone's config
  'user.name': 'codearena',
  'user.email': 'codearena@localhost',
  'init.defaultBranch': 'main',
  'advice.detachedHead': 'false',
};

/** Environment of every git command in the box: no system or global config, no prompts, no
 *  discovery of another repository, no optional locks. */
export const GIT_ENV: Readonly<Record<string, string>> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_DIR: '/repo/.git',
  GIT_WORK_TREE: '/repo',
  GIT_CEILING_DIRECTORIES: '/',
  GIT_TERMINAL_PROMPT: '0',
  GIT_ALLOW_PROTOCOL: 'none',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_ATTR_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
  GIT_PAGER: 'cat',
  GIT_EXTERNAL_DIFF: '',
  HOME: '/tmp',
  XDG_CONFIG_HOME: '/tmp/.config',
};

/** Options for every diff: no external diff program, no textconv filter, no submodule look-ups. */
export const DIFF_FLAGS = ['--no-ext-diff', '--no-textconv', '--ignore-submodules=all', '--no-color'];

/** The repo's own config, rewritten before every box command: whatever may have been planted in
 *  .git/config (hooks, filters, drivers, includes) is gone before git reads it. */
export const REPO_CONFIG =
  '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = false\n';

/** A bash preamble defining `g` (hardened git) and resetting the repo's config and side files. */
export function gitPreamble(): string {
  const env = Object.entries(GIT_ENV).map(([k, v]) => `export ${k}=${quote(v)}`);
  const settings = Object.entries(GIT_SETTINGS)
    .map(([k, v]) => `-c ${quote(`${k}=${v}`)}`)
    .join(' ');
  return [
    'set -euo pipefail',
    'umask 022',
    ...env,
    `g() { git ${settings} "$@"; }`,
    // Side files of .git that name commands or paths: reset (the host owns .git; this undoes any
    // change a compromised box might have made in an earlier command).
    'if [ -d /repo/.git ]; then',
    `  printf %s ${quote(REPO_CONFIG)} > /repo/.git/config`,
    '  rm -rf /repo/.git/hooks /repo/.git/info/attributes /repo/.git/info/grafts /repo/.git/objects/info/alternates /repo/.git/objects/info/http-alternates /repo/.git/commondir /repo/.git/modules',
    'fi',
  ].join('\n');
}
