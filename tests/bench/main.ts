/** Every benchmark, by name; scripts/bench.mjs runs them in Chromium and prints the figures. */
import type { Bench, Row } from './harness';
import { directoryUiBench } from './directory-ui.bench';
import { searchBench } from './search.bench';

const benches: Bench[] = [searchBench, directoryUiBench];

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    benchNames: () => string[];
    runBench: (name: string) => Promise<Row[]>;
  }
}

window.benchNames = () => benches.map((b) => b.name);
window.runBench = async (name) => {
  const bench = benches.find((b) => b.name === name);
  if (!bench) throw new Error(`no bench ${name}`);
  return bench.run();
};
