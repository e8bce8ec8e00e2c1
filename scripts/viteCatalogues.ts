/**
 * One module per interface language, `virtual:passerelle-messages/<locale>` (issue 15, cold
 * start): a window loads the strings of the language it shows, not all four. The catalogues stay
 * written as they are (shared/i18n/messages/*.ts, four languages side by side, checked by type);
 * this plugin cuts them per language.
 *
 * In a build, each module is the merged catalogue as `JSON.parse('…')`: V8 parses a JSON string
 * faster than the same object as a literal, and the module holds nothing else. With the dev
 * server and in Vitest, it re-exports `catalogues[locale]` from the source, so an edited message
 * shows at once and tests need nothing built.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:passerelle-messages/';
const RESOLVED = `\0${PREFIX}`; // resolved ids start with NUL, as Vite wants of virtual modules
const cataloguesFile = fileURLToPath(new URL('../shared/i18n/catalogues.ts', import.meta.url));
const defineFile = fileURLToPath(new URL('../shared/i18n/define.ts', import.meta.url));

type Catalogues = Record<string, Record<string, string>>;
type Loaded = { catalogues: Catalogues; locales: readonly string[]; files: string[] };

/** The merged catalogues, read once per build from the TypeScript source. */
const readCatalogues = async (): Promise<Loaded> => {
  const [{ module: cat, dependencies }, { module: define }] = await Promise.all([
    runnerImport<{ catalogues: Catalogues }>(cataloguesFile),
    runnerImport<{ LOCALES: readonly string[] }>(defineFile),
  ]);
  const locales = define.LOCALES;
  const catalogues = Object.fromEntries(locales.map((l) => [l, { ...cat.catalogues[l] }]));
  // The types already make every language complete; a build that still got here with a
  // language short of a key would show message ids, so it stops instead.
  const reference = Object.keys(catalogues[locales[0]!] ?? {}).sort();
  for (const l of locales) {
    const keys = Object.keys(catalogues[l] ?? {}).sort();
    if (keys.length === 0 || keys.join('\n') !== reference.join('\n')) {
      throw new Error(`i18n: the ${l} catalogue does not have the same keys as the others`);
    }
  }
  return { catalogues, locales, files: [cataloguesFile, ...dependencies] };
};

export const catalogueModules = (): Plugin => {
  let serve = false;
  let loaded: Promise<Loaded> | null = null;
  return {
    name: 'passerelle-catalogue-modules',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    buildStart() {
      loaded = null; // a watching build reads edited messages again
    },
    // Filters, so that the bundler calls this plugin only for its own modules.
    resolveId: {
      filter: { id: /^virtual:passerelle-messages\// },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: /^\0virtual:passerelle-messages\// },
      async handler(id) {
        const locale = id.slice(RESOLVED.length);
        if (!/^[a-z]{2}$/.test(locale)) throw new Error(`i18n: no catalogue module ${id.slice(1)}`);
        if (serve) {
          return (
            `import { catalogues } from ${JSON.stringify(cataloguesFile)};\n` +
            `if (!(${JSON.stringify(locale)} in catalogues)) throw new Error('i18n: no catalogue ${locale}');\n` +
            `export default catalogues[${JSON.stringify(locale)}];\n`
          );
        }
        loaded ??= readCatalogues();
        const { catalogues, locales, files } = await loaded;
        if (!locales.includes(locale)) throw new Error(`i18n: no catalogue for ${locale}`);
        for (const f of files) this.addWatchFile(f);
        const json = JSON.stringify(catalogues[locale]);
        return `export default /*#__PURE__*/ JSON.parse(${JSON.stringify(json)});\n`;
      },
    },
  };
};
