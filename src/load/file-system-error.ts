import path from 'node:path';

/**
 * Node's errors from the file system (and from starting a program) as one
 * line a user can act on: what goalpost tried, on which path, and why it
 * failed in plain words, with the code for a search. Every entry point maps
 * them here, so a full disk or a read-only folder is never reported as an
 * internal error.
 */
export type FileSystemError = NodeJS.ErrnoException & { dest?: string };

export function isFileSystemError(error: unknown): error is FileSystemError {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return error instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof syscall === 'string';
}

const reasons: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOENT: 'it does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name is in the way',
  ENOTEMPTY: 'the folder is not empty',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  ENAMETOOLONG: 'the path is too long',
  EROFS: 'the file system is read-only',
  ELOOP: 'it goes round a loop of symbolic links',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'it is busy',
  EIO: 'the device reported an input/output error',
  EXDEV: 'it is on another file system',
};

const attempts: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  write: 'write',
  scandir: 'read the folder',
  opendir: 'read the folder',
  mkdir: 'create the folder',
  rename: 'write',
  copyfile: 'write',
  stat: 'reach',
  lstat: 'reach',
  realpath: 'reach',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  spawn: 'run',
};

/** Why a file-system operation failed, in words: `permission denied (EACCES)`. */
export function fileSystemReason(error: FileSystemError): string {
  const code = error.code ?? 'unknown error';
  const words = reasons[code];
  return words === undefined ? code : `${words} (${code})`;
}

/**
 * The whole line: `Cannot create the folder "out": a file of that name is in
 * the way (EEXIST).` Paths inside `cwd` are shown relative to it, as the user
 * typed them; quoting as JSON shows a newline or a control character in a
 * file name as `\n` or `\u001b` instead of printing it.
 */
export function fileSystemErrorMessage(error: FileSystemError, cwd?: string): string {
  const syscall = (error.syscall ?? '').replace(/^spawn .*/, 'spawn');
  const attempt = attempts[syscall] ?? syscall;
  // A rename writes its destination; elsewhere the path is what was worked on.
  const target = syscall === 'rename' || syscall === 'copyfile' ? (error.dest ?? error.path) : (error.path ?? error.dest);
  const shown = target === undefined ? '' : ` ${JSON.stringify(shownPath(target, cwd))}`;
  return `Cannot ${attempt}${shown}: ${fileSystemReason(error)}.`;
}

function shownPath(target: string, cwd: string | undefined): string {
  // Relative to the root of the file system, a path would only look relative.
  if (cwd === undefined || !path.isAbsolute(target) || path.dirname(cwd) === cwd) return target;
  const relative = path.relative(cwd, target);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}

/** One line for any failure: a file-system error in words, anything else by its message. */
export function describeFailure(error: unknown, cwd?: string): string {
  if (isFileSystemError(error)) return fileSystemErrorMessage(error, cwd);
  return error instanceof Error ? error.message : String(error);
}
