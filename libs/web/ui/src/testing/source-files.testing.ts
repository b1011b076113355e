import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .html file below `directory`, specs and test helpers left out: where a library names its texts. */
export function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !/\.(spec|testing)\.ts$/.test(name) ? [path] : [];
  });
}
