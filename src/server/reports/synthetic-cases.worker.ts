/**
 * A worker thread of `comity seed --synthetic`: prepares chunks of synthetic cases
 * (prepareChunk) while the main thread writes the previous ones, so that generating,
 * replaying and encoding cases overlaps the database's work. It reads the rule files
 * itself; the context and the registry snapshot come from the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RegistrySnapshot } from "../../domain/registry/model.js";
import { caseRules } from "../cases/evaluate-case.js";
import type { GeneratorContext } from "../cases/synthetic-cases.js";
import { type ChunkSetup, prepareChunk } from "./synthetic-chunk.js";

export type WorkerSetup = { context: GeneratorContext; seed: number; snapshot: RegistrySnapshot };
export type WorkerJob = { from: number; to: number };

const port = parentPort;
if (!port) throw new Error("synthetic-cases.worker runs as a worker thread");
const { context, seed, snapshot } = workerData as WorkerSetup;
const setup: ChunkSetup = { context, seed, inputs: { ...(await caseRules()), snapshot } };
port.on("message", ({ from, to }: WorkerJob) => {
  const chunk = prepareChunk(setup, from, to);
  port.postMessage(chunk, [
    chunk.cases.buffer,
    chunk.events.buffer,
    chunk.statistics.buffer,
  ] as ArrayBuffer[]);
});
port.postMessage("ready");
