/** The demo pack of each configured country (demo.ts picks the office's). */
import type { CountryCode } from './areas';
import { BAHRAIN, SAUDI_ARABIA } from './demoGulf';
import { MALI } from './demoMali';
import { MOZAMBIQUE } from './demoMozambique';
import type { DemoPack } from './demoPack';
import { PAKISTAN } from './demoPakistan';

export const DEMO_PACKS: Record<CountryCode, DemoPack> = {
  ML: MALI,
  MZ: MOZAMBIQUE,
  SA: SAUDI_ARABIA,
  BH: BAHRAIN,
  PK: PAKISTAN,
};
