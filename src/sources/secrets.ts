import { envReference, type SourceDefinition } from '../model/model.js';
import { SourceError } from './source.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The URL of a source, from the environment variable its `url` names. */
export function resolveUrl(definition: SourceDefinition, env: Env): string {
  const name = definition.url === undefined ? undefined : envReference.exec(definition.url)?.[1];
  if (name === undefined) {
    throw new SourceError(`the source "${definition.name}" has no url naming an environment variable; goalpost validate says what to write.`);
  }
  const url = env[name];
  if (url === undefined || url.trim() === '') {
    throw new SourceError(`the environment variable ${name}, which holds the URL of the source "${definition.name}", is not set. Set it (in CI, from a secret) and run again.`);
  }
  return url;
}

/**
 * The parts of a source's URL that must never be printed: the URL itself,
 * its user and password as written and decoded, and `password=` values.
 */
export function secretsOf(definition: SourceDefinition, env: Env): string[] {
  const name = definition.url === undefined ? undefined : envReference.exec(definition.url)?.[1];
  const url = name === undefined ? undefined : env[name];
  if (url === undefined || url === '') return [];
  const secrets = [url];
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url)?.[1];
  if (userInfo !== undefined) {
    secrets.push(userInfo);
    const password = userInfo.includes(':') ? userInfo.slice(userInfo.indexOf(':') + 1) : undefined;
    if (password !== undefined) secrets.push(password, safeDecode(password));
  }
  for (const match of url.matchAll(/(?:^|[?&;\s])password=([^&;\s]*)/gi)) secrets.push(match[1]!, safeDecode(match[1]!));
  // Very short values would blank out ordinary words; a password that short is no secret anyway.
  return [...new Set(secrets)].filter((secret) => secret.length >= 3).sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A message with every secret replaced by `***`: the known ones, and any
 * `user:password@` of a URL or `password=` parameter, whoever wrote it (a
 * driver that quotes its connection string in an error, say).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@').replace(/(password\s*=\s*)('[^']*'|"[^"]*"|[^\s&;,)]+)/gi, '$1***');
}
