/**
 * Everything the window runs before its first screen, in one script (issue 15, cold start).
 * Code loaded on demand shares modules with the first screen (schemas, area data, helpers), so
 * the bundler's own split cut the first load into some forty small scripts; each is a request
 * the window waits for, through the desktop app's protocol handler as through a server. This
 * groups every module the entry imports statically, directly or not, into one chunk; what is
 * loaded on demand keeps its own chunks and imports from it.
 */
import type { Plugin } from 'vite';

export const startupChunk = (entry: string): Plugin => {
  const startup = new Set<string>();
  const isEntry = (id: string) => id.replaceAll('\\', '/').endsWith(entry);
  return {
    name: 'passerelle-startup-chunk',
    apply: 'build',
    buildEnd() {
      startup.clear();
      const stack = [...this.getModuleIds()].filter(isEntry);
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (startup.has(id)) continue;
        startup.add(id);
        // Static imports only: a dynamic import is what the first screen does not wait for.
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    outputOptions(options) {
      return {
        ...options,
        codeSplitting: {
          // The entry stays in the page's own script, which imports this one.
          groups: [{ name: 'startup', test: (id: string) => startup.has(id) && !isEntry(id) }],
        },
      };
    },
  };
};
