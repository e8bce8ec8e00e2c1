/** Every benchmark, by name; scripts/bench.mjs runs them in Chromium and prints the figures. */
import type { Bench, Row } from './harness';
import { accountsBench } from './accounts.bench';
import { capacityBench } from './capacity.bench';
import { coldStartBench, prepareColdStart } from './cold-start.bench';
import { directoryUiBench } from './directory-ui.bench';
import { exchange200kBench, exchangeBench } from './exchange.bench';
import { mapBench } from './map.bench';
import { lettersBench } from './letters.bench';
import { searchBench } from './search.bench';
import { statisticsBench } from './statistics.bench';
import { replicateBench } from './replicate.bench';
import { syncBench } from './sync.bench';

const benches: Bench[] = [
  accountsBench,
  searchBench,
  directoryUiBench,
  coldStartBench,
  capacityBench,
  mapBench,
  exchangeBench,
  exchange200kBench,
  lettersBench,
  syncBench,
  replicateBench,
  statisticsBench,
];

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    benchNames: () => string[];
    runBench: (name: string) => Promise<Row[]>;
    prepareColdStart: (services: number) => Promise<void>;
    /** The phase a bench is in, for the memory sampler (scripts/bench.mjs). */
    benchPhase?: string;
  }
}

window.benchNames = () => benches.map((b) => b.name);
window.runBench = async (name) => {
  const bench = benches.find((b) => b.name === name);
  if (!bench) throw new Error(`no bench ${name}`);
  return bench.run();
};
window.prepareColdStart = prepareColdStart;
