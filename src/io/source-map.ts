/**
 * Readable stacks for unexpected errors: the bundles ship source maps (dist/<name>/*.js.map, without the
 * sources' text), read here only when a stack is shown, so start-up never pays for them. Each frame in a
 * bundled file with a map beside it becomes src/…ts:line:column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map<string, SourceMap | undefined>();

function mapFor(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    let map: SourceMap | undefined;
    try {
      const path = `${file}.map`;
      if (existsSync(path)) map = new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      map = undefined; // An unreadable map leaves the frame as it is.
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/** The project path of a map's source: ../src/io/x.ts → src/io/x.ts, webpack://…/node_modules/y.js → node_modules/y.js. */
const projectPath = (source: string) => source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^(\.\.?\/)+/, '');

const FRAME = /((?:file:\/\/)?\/[^\s():]+\.(?:m?js)):(\d+):(\d+)/g;

/** The stack with each bundled frame translated through its source map; frames without one unchanged. */
export function readableStack(stack: string): string {
  return stack.replace(FRAME, (frame, location: string, line: string, column: string) => {
    const file = location.startsWith('file://') ? fileURLToPath(location) : location;
    const map = mapFor(file);
    if (!map) return frame;
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined)
      return frame;
    return `${projectPath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
