import type { App } from 'electron';
import type { Platform } from '@shared/platform/contract';

export const createAppInfoHandlers = (deps: {
  app: Pick<App, 'getVersion'>;
}): Pick<Platform, 'appInfo'> => ({
  appInfo: async () => ({ version: deps.app.getVersion(), kind: 'electron' }),
});
