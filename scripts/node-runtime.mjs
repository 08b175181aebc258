// A second Node.js runtime beside the machine's own, for CI (the SQLite suite on Node 24
// LTS) and the benchmark (BENCH_NODE): fetches Node from the npm registry's official
// binary packages, and builds better-sqlite3 for a runtime whose ABI differs from the
// one `npm install` built it for. Everything lands in node_modules/.cache (gitignored),
// so the next run reuses it; nothing in node_modules itself changes.
//
//   node scripts/node-runtime.mjs fetch 24              # prints the path of Node 24's binary
//   node scripts/node-runtime.mjs sqlite-binding <node> # prints a better_sqlite3.node for it
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './build-if-stale.mjs';

const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });

/** Runs a command and returns its output; its messages are shown only if it fails (a compiler's warnings are noise). */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...options });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}`);
  }
  return result.stdout.trim();
}

/**
 * The newest Node `major`.x for this platform, from the npm registry's `node-<os>-<arch>`
 * package (the official release binary with its C++ headers). Cached once fetched: the
 * version stays what it was until node_modules/.cache/node<major> is removed.
 */
export function fetchNode(major) {
  const dir = join(cache, `node${major}`);
  const binary = join(dir, 'bin', 'node');
  if (existsSync(binary)) return binary;
  const spec = `node-${process.platform}-${process.arch}@${major}`;
  const scratch = mkdtempSync(join(cache, `node${major}-`));
  try {
    const [{ filename }] = JSON.parse(run('npm', ['pack', spec, '--json', '--silent', '--pack-destination', scratch]));
    run('tar', ['-xzf', join(scratch, filename), '-C', scratch, '--strip-components=1']);
    rmSync(join(scratch, filename));
    renameSync(scratch, dir); // whole or not at all: an interrupted fetch leaves no half runtime
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return binary;
}

/**
 * better-sqlite3 is compiled against one V8 ABI: the build `npm install` made for the
 * machine's Node does not load in another major. This builds a copy of the installed
 * package (same version, real files: node_modules may be hard-linked elsewhere) for
 * `node`, offline from the headers that come with it, and returns its addon; pass it as
 * THALAMUS_SQLITE_BINDING (lib/db/sqlite-binding.ts) to processes running on `node`.
 */
export function sqliteBinding(node) {
  const abi = run(node, ['-p', 'process.versions.modules']);
  const dir = join(cache, `better-sqlite3-node-v${abi}`);
  const addon = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon)) return addon;
  const nodedir = dirname(dirname(realpathSync(node)));
  if (!existsSync(join(nodedir, 'include', 'node', 'node.h'))) throw new Error(`no Node headers in ${nodedir}/include/node: cannot build better-sqlite3 for ${node}`);
  const scratch = mkdtempSync(join(cache, `better-sqlite3-node-v${abi}-`));
  try {
    const installed = join(root, 'node_modules', 'better-sqlite3');
    cpSync(installed, scratch, { recursive: true, preserveTimestamps: true });
    // npm runs the package's scripts with its bundled node-gyp; npm_config_nodedir points
    // node-gyp at the runtime's headers instead of downloading them.
    const withHeaders = { cwd: scratch, env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}`, npm_config_nodedir: nodedir } };
    if (existsSync(join(scratch, 'build', SQLITE_AS_BUILT[0]))) relinkAddon(scratch, withHeaders);
    else run('npm', ['run', 'build-release', '--silent'], withHeaders);
    renameSync(scratch, dir);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return addon;
}

/**
 * SQLite itself as `npm install` compiled it (plain C, the same for every Node ABI), its
 * copy and the step that locates the amalgamation; paths in better-sqlite3's build/.
 */
const SQLITE_AS_BUILT = ['Release/obj.target/deps/sqlite3.a', 'Release/sqlite3.a', 'Release/obj.target/deps/locate_sqlite3.stamp'];
/** The addon's own outputs, built for the old ABI. */
const ADDON_BUILT = ['Release/better_sqlite3.node', 'Release/obj.target/better_sqlite3.node', 'Release/obj.target/better_sqlite3'];

/**
 * Rebuilds only the addon's own C++ (a few seconds) against the new headers and links
 * it with the SQLite library `npm install` compiled (about a minute of a core to compile
 * again): make is told to take SQLITE_AS_BUILT as it is.
 */
function relinkAddon(scratch, options) {
  const manifest = join(scratch, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  writeFileSync(manifest, JSON.stringify({ ...pkg, scripts: { ...pkg.scripts, 'configure-release': 'node-gyp configure --release' } }));
  run('npm', ['run', 'configure-release', '--silent'], options);
  for (const built of ADDON_BUILT) rmSync(join(scratch, 'build', built), { recursive: true, force: true });
  run('make', ['-C', 'build', 'BUILDTYPE=Release', ...SQLITE_AS_BUILT.flatMap((file) => ['-o', file]), 'better_sqlite3'], options);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, argument] = process.argv.slice(2);
  if (command === 'fetch' && argument) console.log(fetchNode(argument));
  else if (command === 'sqlite-binding' && argument) console.log(sqliteBinding(argument));
  else {
    console.error('usage: node scripts/node-runtime.mjs fetch <major> | sqlite-binding <path to node>');
    process.exit(2);
  }
}
