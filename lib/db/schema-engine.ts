import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type { DatabaseTarget } from './database-url.ts';
import { sqliteBindingOptions } from './sqlite-binding.ts';

/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
 *
 * The Prisma CLI downloads a native schema engine on first use, which an offline or
 * air-gapped machine cannot do. The wasm build ships inside an npm package and speaks
 * to the database through the same driver adapters as the app, so migrations work
 * anywhere `npm install` does. The module is instantiated by hand (rather than through
 * its `import … from "*.wasm"` entry) so no Node flag is needed.
 */
type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let engineModule: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@prisma/schema-engine-wasm');
    const bg: EngineModule = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(join(dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withTrackedTimers(bg as unknown as WebAssembly.ModuleImports) });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

/**
 * The engine's timers. It sets them (a 10 s timeout around each PostgreSQL migration
 * lock, for one) and never clears them, so one outlived every `thalamus setup` on
 * PostgreSQL and held the process 10 s after its work was done. They are cleared once no
 * engine is open, when none of them can matter.
 */
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let openEngines = 0;

function withTrackedTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const name = Object.keys(imports).find((key) => key.startsWith('__wbg_setTimeout_'));
  if (!name) return imports;
  const setEngineTimeout = imports[name] as (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  return {
    ...imports,
    [name]: (callback: () => void, ms: number) => {
      const timer = setEngineTimeout(callback, ms);
      engineTimers.add(timer);
      return timer;
    },
  };
}

function engineClosed(): void {
  if (--openEngines > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

export const noFilter = { externalTables: [], externalEnums: [] };

export interface OpenEngine {
  engine: SchemaEngine;
  /** Replaces the engine's "External error id#N" with the driver's own error. */
  explain(error: unknown): unknown;
  /** Frees the engine and closes the connections it opened (SQLite keeps a lock otherwise). */
  close(): Promise<void>;
}

export async function openSchemaEngine(target: DatabaseTarget, schema: string): Promise<OpenEngine> {
  const bg = await loadEngineModule();
  const factory =
    target.provider === 'postgresql' ? new PrismaPg({ connectionString: target.url }) : new PrismaBetterSqlite3({ url: target.url, timeout: 5_000, ...sqliteBindingOptions() });
  const log = (line: string) => {
    if (process.env.THALAMUS_LOG_LEVEL === 'debug') console.error(`[schema-engine] ${line}`);
  };
  // Keep hold of every connection the engine opens: freeing the engine does not close them.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  };
  const remember = <T extends { dispose(): Promise<void> }>(adapter: T) => (opened.push(adapter), adapter);
  const bound = bindMigrationAwareSqlAdapterFactory(tracked as typeof factory);
  const explain = (error: unknown) => withDriverError(error, bound.errorRegistry);
  openEngines++;
  try {
    const engine = await bg.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, log, bound);
    const close = async () => {
      engine.free();
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
      engineClosed();
    };
    return { engine, explain, close };
  } catch (error) {
    engineClosed();
    throw explain(error);
  }
}

/** The engine reports driver failures as "External error id#N"; put the driver's own message in. */
function withDriverError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  if (!(error instanceof Error)) return error;
  const match = /External error id#(\d+)/.exec(error.message);
  const detail = match ? registry.consumeError(Number(match[1]))?.error : undefined;
  if (detail) error.message = `${error.message.split('\n')[0]} ${detail instanceof Error ? detail.message : JSON.stringify(detail)}`;
  return error;
}
