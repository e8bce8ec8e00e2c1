/**
 * `platform()` is how features reach the OS. In Electron the preload has exposed the contract
 * on `window.passerelle`; in a browser the web adapter stands in. Features never ask which.
 */
import type { Platform } from '@shared/platform/contract';
import { PLATFORM_GLOBAL } from '@shared/platform/contract';
import { webPlatform } from './web';

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    [PLATFORM_GLOBAL]?: Platform;
  }
}

export const platform = (): Platform => window[PLATFORM_GLOBAL] ?? webPlatform;
