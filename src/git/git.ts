import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RepositoryFile } from '../load/load-file.js';
import { isCsvPath, isQueryPath, isYamlPath } from '../load/load-file.js';
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
    const [listing = []] = await this.listingsAt([revision]);
    const blobs = await readObjects(this.cwd, listing.map((file) => file.object));
    return listing.map((file, index) => ({ path: file.path, bytes: blobs[index]!.content }));
  }

  /**
   * The YAML and CSV files of the goals folder at each revision, without
   * their content: what `filesAt` reads, for a whole history at once. A tree
   * shared by several revisions (a folder no commit in between touched) is
   * read once, and the whole history takes a handful of git processes rather
   * than two per commit.
   */
  async listingsAt(revisions: readonly string[]): Promise<FileListing[][]> {
    const trees = new TreeReader(this.cwd);
    let folders: (string | undefined)[] = await trees.roots(revisions);
    for (const name of this.prefix.split('/').filter((part) => part !== '')) {
      await trees.read(folders);
      folders = folders.map((tree) => (tree === undefined ? undefined : trees.entries(tree).find((entry) => entry.type === 'tree' && entry.name === name)?.object));
    }
    // Level by level, so that every tree of one depth, across all revisions, is read by one git process.
    let level = new Set(folders.filter((tree) => tree !== undefined));
    while (level.size > 0) {
      await trees.read([...level]);
      level = new Set([...level].flatMap((tree) => trees.entries(tree).filter((entry) => entry.type === 'tree' && isShown(entry.name)).map((entry) => entry.object)));
    }
    const shownRoot = this.dir.split(path.sep).join('/').replace(/\/+$/, '');
    const shown = (relative: string): string => (shownRoot === '' || shownRoot === '.' ? relative : `${shownRoot}/${relative}`);
    return folders.map((tree) => (tree === undefined ? [] : trees.files(tree).filter((file) => isYamlPath(file.path) || isCsvPath(file.path) || isQueryPath(file.path)).map((file) => ({ ...file, path: shown(file.path) }))));
  }

  /** The content of blobs, by object id. */
  async blobs(objects: readonly string[]): Promise<Buffer[]> {
    return (await readObjects(this.cwd, objects)).map((object) => object.content);
  }

  /** The commits that changed the goals folder, oldest first (as `git log --reverse` lists them, which is not always by date). */
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

/** A file of the goals folder at a revision: its path as diagnostics show it, and the id of its content (the same id, the same bytes). */
export interface FileListing {
  path: string;
  object: string;
}

// Files and folders whose names start with a dot (.github, .goalpost-cache) or node_modules are not goals.
function isShown(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

interface TreeEntry {
  name: string;
  type: 'blob' | 'tree' | 'commit';
  object: string;
}

/** Tree objects read through `git cat-file --batch`, each once, with the files under each tree worked out once. */
class TreeReader {
  private readonly trees = new Map<string, TreeEntry[]>();
  private readonly filesUnder = new Map<string, FileListing[]>();

  constructor(private readonly cwd: string) {}

  /** The root tree of each revision. */
  async roots(revisions: readonly string[]): Promise<string[]> {
    const unique = [...new Set(revisions)];
    const objects = await readObjects(this.cwd, unique.map((revision) => `${revision}^{tree}`));
    const roots = new Map(unique.map((revision, index) => [revision, objects[index]!]));
    for (const object of objects) this.trees.set(object.object, parseTree(object.content, object.object.length / 2));
    return revisions.map((revision) => roots.get(revision)!.object);
  }

  /** Reads the trees not read yet. */
  async read(trees: readonly (string | undefined)[]): Promise<void> {
    const missing = [...new Set(trees)].filter((tree): tree is string => tree !== undefined && !this.trees.has(tree));
    const objects = await readObjects(this.cwd, missing);
    for (const object of objects) this.trees.set(object.object, parseTree(object.content, object.object.length / 2));
  }

  entries(tree: string): TreeEntry[] {
    return this.trees.get(tree)!;
  }

  /** The files under a tree, in the order `git ls-tree -r` lists them, with paths relative to it. */
  files(tree: string): FileListing[] {
    const known = this.filesUnder.get(tree);
    if (known) return known;
    const files: FileListing[] = [];
    for (const entry of this.entries(tree)) {
      if (!isShown(entry.name)) continue;
      if (entry.type === 'blob') files.push({ path: entry.name, object: entry.object });
      else if (entry.type === 'tree') for (const file of this.files(entry.object)) files.push({ path: `${entry.name}/${file.path}`, object: file.object });
    }
    this.filesUnder.set(tree, files);
    return files;
  }
}

/** The entries of a tree object: `<mode> <name>\0<id>` each, with ids of `idBytes` bytes (20 for SHA-1, 32 for SHA-256). */
function parseTree(content: Buffer, idBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0, space);
    const mode = content.toString('latin1', offset, space);
    // A submodule is a commit, a folder a tree; anything else (files, symbolic links) is a blob, as `git ls-tree` says.
    const type = mode === '40000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.push({ name: content.toString('utf8', space + 1, nul), type, object: content.toString('hex', nul + 1, nul + 1 + idBytes) });
    offset = nul + 1 + idBytes;
  }
  return entries;
}

interface GitObject {
  object: string;
  type: string;
  content: Buffer;
}

/** Reads many objects (by id or any name git understands) with one `git cat-file --batch` process. */
function readObjects(cwd: string, names: readonly string[]): Promise<GitObject[]> {
  if (names.length === 0) return Promise.resolve([]);
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
      const objects: GitObject[] = [];
      let offset = 0;
      for (const name of names) {
        const headerEnd = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, headerEnd).toString();
        const [object, type, sizeText] = header.split(' ') as [string, string?, string?];
        const size = Number(sizeText);
        if (type === undefined || !Number.isFinite(size)) return reject(new Error(`git cat-file: "${name}" gave "${header}"`));
        objects.push({ object, type, content: output.subarray(headerEnd + 1, headerEnd + 1 + size) });
        offset = headerEnd + 1 + size + 1;
      }
      resolve(objects);
    });
    child.stdin.end(`${names.join('\n')}\n`);
  });
}
