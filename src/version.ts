/** The package's name and version, read once from package.json. */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; engines: { node: string } };

export const version: string = pkg.version;
/** "briefsmith 0.1.0", as written into outputs' generator fields. */
export const generator = `${pkg.name} ${pkg.version}`;
/** The Node versions briefsmith runs on (`engines.node`), which `briefsmith init` asks for too. */
export const nodeRange: string = pkg.engines.node;
