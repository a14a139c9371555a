/** Parsers for fly-rollback's own inputs: each takes the input's text and names the input on error. */
import { InputError } from '../shared/errors.js';

const quote = (value: string): string =>
  JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

/** A release number as flyctl prints it (`41`, or `v41` as the table shows it); undefined when empty. */
export function parseReleaseVersion(name: string, raw: string): number | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const match = /^v?(\d{1,9})$/i.exec(text);
  const version = match ? Number(match[1]) : 0;
  if (version >= 1) return version;
  throw new InputError(
    name,
    `${quote(text)} is not a release number`,
    'Use the version flyctl releases shows, e.g. 41 (or v41); leave it empty for the newest complete release before the one serving.',
  );
}

// The Docker reference grammar (distribution/reference): [host[:port]/]path[:tag][@sha256:<64 hex>].
const HOST =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?/)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF = new RegExp(
  `^${HOST}${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`,
);

/** An ImageRef to deploy (`registry.fly.io/<app>:deployment-…`, `…@sha256:…`); undefined when empty. */
export function parseImageRef(name: string, raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (IMAGE_REF.test(text)) return text;
  throw new InputError(
    name,
    `${quote(text)} is not an image reference`,
    'Use an ImageRef as flyctl releases --image shows it, e.g. registry.fly.io/nuzantara-rag:deployment-01JABCDEF or registry.fly.io/nuzantara-rag@sha256:<64 hex digits>.',
  );
}
