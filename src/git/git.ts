import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RepositoryFile } from '../load/load-file.js';
import { isCsvPath, isYamlPath } from '../load/load-file.js';
import { UsageError } from '../load/read-directory.js';

const exec = promisify(execFile);

export interface Commit {
  hash: string;
  /** ISO 8601, the author date. */
  date: string;
  author: string;
  subject: string;
}

/**
 * Reads a goals folder as it was at any commit, through the git command
 * line. `dir` is the goals folder as the user typed it (relative to `cwd`);
 * files are reported with the same paths as when read from the working tree,
 * so diagnostics and diffs read alike whatever the revision.
 */
export class GitGoals {
  private constructor(
    private readonly cwd: string,
    private readonly dir: string,
    /** The goals folder relative to the repository root, with a trailing slash (or '' for the root). */
    private readonly prefix: string,
  ) {}

  static async open(cwd: string, dir: string): Promise<GitGoals> {
    let root: string;
    try {
      root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    } catch {
      throw new UsageError(`"${cwd}" is not inside a git repository.`);
    }
    const absolute = path.resolve(cwd, dir);
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    if (relative.startsWith('..')) throw new UsageError(`The goals folder "${dir}" is outside the git repository at ${root}.`);
    return new GitGoals(cwd, dir, relative === '' ? '' : `${relative}/`);
  }

  /** The full hash of a revision, or a usage error naming it. */
  async resolve(revision: string): Promise<string> {
    try {
      return (await git(this.cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])).trim();
    } catch {
      throw new UsageError(`"${revision}" is not a commit in this repository.`);
    }
  }

  /**
   * The default base of a comparison: where the current branch left the
   * default branch (origin/HEAD, else origin/main, main or master).
   */
  async defaultBase(): Promise<string> {
    const candidates: string[] = [];
    try {
      candidates.push((await git(this.cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim());
    } catch {
      // no remote HEAD: fall through to the usual names
    }
    candidates.push('origin/main', 'main', 'origin/master', 'master');
    for (const candidate of candidates) {
      try {
        return (await git(this.cwd, ['merge-base', 'HEAD', candidate])).trim();
      } catch {
        // not there: try the next
      }
    }
    throw new UsageError('Cannot tell what to compare with: there is no origin/main, main or master. Name the base revision.');
  }

  /** The YAML and CSV files of the goals folder at a commit. */
  async filesAt(revision: string): Promise<RepositoryFile[]> {
    const listing = await git(this.cwd, ['ls-tree', '-r', '-z', '--full-tree', revision, '--', this.prefix === '' ? '.' : this.prefix]);
    const entries: { path: string; object: string }[] = [];
    for (const record of listing.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab === -1) continue;
      const [, type, object] = record.slice(0, tab).split(' ') as [string, string, string];
      const file = record.slice(tab + 1);
      if (type !== 'blob' || !file.startsWith(this.prefix)) continue;
      const relative = file.slice(this.prefix.length);
      if (relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
      if (!isYamlPath(relative) && !isCsvPath(relative)) continue;
      entries.push({ path: relative, object });
    }
    const blobs = await readBlobs(this.cwd, entries.map((e) => e.object));
    const shownRoot = this.dir.split(path.sep).join('/').replace(/\/+$/, '');
    return entries.map((entry, index) => ({
      path: shownRoot === '' || shownRoot === '.' ? entry.path : `${shownRoot}/${entry.path}`,
      bytes: blobs[index]!,
    }));
  }

  /** The commits that changed the goals folder, oldest first. */
  async history(): Promise<Commit[]> {
    const output = await git(this.cwd, ['log', '--reverse', '-z', '--format=%H%x1f%aI%x1f%an%x1f%s', '--', this.prefix === '' ? '.' : this.prefix]);
    return output
      .split('\0')
      .filter((record) => record.trim() !== '')
      .map((record) => {
        const [hash, date, author, subject] = record.replace(/^\n/, '').split('\x1f') as [string, string, string, string];
        return { hash, date, author, subject };
      });
  }
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** Reads many blobs with one `git cat-file --batch` process. */
function readBlobs(cwd: string, objects: readonly string[]): Promise<Buffer[]> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed: ${stderr.trim()}`));
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let offset = 0;
      for (let i = 0; i < objects.length; i++) {
        const headerEnd = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, headerEnd).toString();
        const size = Number(header.split(' ')[2]);
        if (!Number.isFinite(size)) return reject(new Error(`git cat-file: unexpected "${header}"`));
        blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
        offset = headerEnd + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(`${objects.join('\n')}\n`);
  });
}
