// Times Google's LiteRT.js (TFLite compiled to WebAssembly, XNNPACK on CPU) on one .tflite file:
// one thread, batch 1, random inputs, N timed runs after a warm-up. Prints one JSON line.
//
//   node bench.mjs MODEL.tflite [--iterations N] [--warmup N]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import { loadLiteRt, loadAndCompile, Tensor } from '@litertjs/core';

function usage(message) {
  console.error(`bench.mjs: ${message}`);
  console.error('usage: node bench.mjs MODEL.tflite [--iterations N] [--warmup N]');
  process.exit(2);
}

const args = process.argv.slice(2);
let modelPath;
let iterations = 200;
let warmup = 50;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--iterations' || args[i] === '--warmup') {
    const value = Number(args[++i]);
    if (!Number.isInteger(value) || value < (args[i - 1] === '--warmup' ? 0 : 1)) {
      usage(`expected a whole number after ${args[i - 1]}, found ${args[i]}`);
    }
    if (args[i - 1] === '--iterations') iterations = value;
    else warmup = value;
  } else if (modelPath === undefined) {
    modelPath = args[i];
  } else {
    usage(`expected one model, found also ${args[i]}`);
  }
}
if (modelPath === undefined) usage('expected a .tflite file, found none');

// LiteRT.js is built for browsers and web workers: it loads its WebAssembly glue with
// importScripts and the .wasm with fetch. In Node both read local files instead, and the glue
// (which knows Node) finds require where a CommonJS script would.
const require = createRequire(import.meta.url);
globalThis.require = require;
globalThis.self = globalThis;
globalThis.importScripts = (url) => {
  globalThis.__dirname = dirname(localPath(url));
  globalThis.__filename = localPath(url);
  runInThisContext(readFileSync(localPath(url), 'utf8'));
};
const webFetch = globalThis.fetch;
globalThis.fetch = async (url, init) => {
  const path = localPath(url);
  if (path === undefined) return webFetch(url, init);
  return new Response(readFileSync(path), { headers: { 'Content-Type': 'application/wasm' } });
};
function localPath(url) {
  const text = url.toString();
  if (text.startsWith('file:')) return fileURLToPath(text);
  return /^[a-z]+:/i.test(text) ? undefined : text;
}

const wasmDir = join(dirname(require.resolve('@litertjs/core/package.json')), 'wasm') + '/';
// The plain (not threaded, not JSPI) WebAssembly build: one thread.
await loadLiteRt(wasmDir, { threads: false, jspi: false });
const model = await loadAndCompile(new Uint8Array(readFileSync(modelPath)), {
  accelerator: 'wasm',
  cpuOptions: { numThreads: 1 },
});

// Uniform random values in [0, 1) for float inputs, random bytes for integer ones.
const inputs = model.getInputDetails().map((d) => {
  const size = d.shape.reduce((a, b) => a * Math.max(1, b), 1);
  const shape = Array.from(d.shape, (x) => Math.max(1, x));
  let data;
  if (d.dtype === 'float32') {
    data = Float32Array.from({ length: size }, () => Math.random());
  } else if (d.dtype === 'int32') {
    data = new Int32Array(size);
  } else {
    usage(`expected float32 or int32 inputs, found ${d.dtype} (${d.name})`);
  }
  return new Tensor(data, shape);
});

async function once() {
  const outputs = await model.run(inputs);
  for (const t of outputs) t.delete();
}

for (let i = 0; i < warmup; i++) await once();
const micros = [];
const start = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) {
  const before = process.hrtime.bigint();
  await once();
  micros.push(Number(process.hrtime.bigint() - before) / 1e3);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
micros.sort((a, b) => a - b);
const pct = (p) => micros[Math.max(0, Math.ceil(p * micros.length) - 1)];
console.log(
  JSON.stringify({
    model: modelPath,
    engine: 'litert.js @litertjs/core ' + require('@litertjs/core/package.json').version + ' (wasm, 1 thread)',
    iterations,
    warmup,
    p50_us: pct(0.5),
    p90_us: pct(0.9),
    p99_us: pct(0.99),
    calls_per_second: iterations / seconds,
    node: process.version,
  }),
);
for (const t of inputs) t.delete();
model.delete();
