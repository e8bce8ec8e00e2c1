/**
 * Where this computer remembers the interface language (localStorage). A file of its own, with
 * no imports, so the build (scripts/viteCatalogues.ts) reads the same keys to start fetching that
 * language's strings before the window's code has run.
 */
export const STORAGE_KEY = 'passerelle.locale';
export const PREFS_KEY = 'passerelle.localePrefs';
