import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultUrl, SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';

const run = promisify(execFile);

/** Prints a subgraph's SDL by running its built print-schema script (each in its own process). */
export async function subgraphSdl(name: string): Promise<string> {
  const pkg = require.resolve(`@pantau/${name}/package.json`);
  const script = path.join(path.dirname(pkg), 'dist', 'print-schema.js');
  const { stdout } = await run(process.execPath, [script], { maxBuffer: 16 * 1024 * 1024});
  return stdout;
}

/** Composes the supergraph with @apollo/composition; throws with every composition error. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async (name) => ({ name, url: defaultUrl(name), typeDefs: parse(await subgraphSdl(name)) })),
  );
  const result = composeServices(services);
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}

if (require.main === module) {
  composeSupergraph()
    .then((sdl) => {
      fs.writeFileSync(SUPERGRAPH_PATH, sdl);
      console.log(`Wrote ${path.relative(process.cwd(), SUPERGRAPH_PATH)} (${sdl.length} bytes).`);
    })
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
