/**
 * better-sqlite3's options that choose its native addon. The addon is compiled for one
 * V8 ABI; a process on another Node major (CI runs the SQLite suite on Node 24 beside a
 * Node 20 install, the benchmark's BENCH_NODE) names a build for its runtime in
 * THALAMUS_SQLITE_BINDING (scripts/node-runtime.mjs makes one). Every connection Thalamus
 * opens goes through here, so one variable moves them all.
 */
export function sqliteBindingOptions(): { nativeBinding?: string } {
  const binding = process.env.THALAMUS_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}
