/**
 * Everything the window runs before its first screen, in one script (issue 15, cold start).
 * Code loaded on demand shares modules with the first screen (schemas, area data, helpers), so
 * the bundler's own split cut the first load into some forty small scripts; each is a request
 * the window waits for, through the desktop app's protocol handler as through a server. This
 * groups every module the entry imports statically, directly or not, into one chunk; what is
 * loaded on demand keeps its own chunks and imports from it.
 */
import type { Plugin } from 'vite';

/**
 * `entry`: the window's script (its path's end). `leave`: entries of other pages built alongside
 * (the benchmark's empty React page) whose modules stay out of the group, so that such a page
 * does not load the window's first screen with React.
 */
export const startupChunk = (entry: string, { leave = [] }: { leave?: string[] } = {}): Plugin => {
  const startup = new Set<string>();
  let left = new Set<string>();
  const isEntry = (id: string) => id.replaceAll('\\', '/').endsWith(entry);
  const isLeft = (id: string) => leave.some((l) => id.replaceAll('\\', '/').endsWith(l));
  return {
    name: 'passerelle-startup-chunk',
    apply: 'build',
    buildEnd() {
      const reach = (from: (id: string) => boolean) => {
        const seen = new Set<string>();
        const stack = [...this.getModuleIds()].filter(from);
        while (stack.length > 0) {
          const id = stack.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          // Static imports only: a dynamic import is what the first screen does not wait for.
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      left = reach(isLeft);
      startup.clear();
      for (const id of reach(isEntry)) if (!left.has(id)) startup.add(id);
    },
    outputOptions(options) {
      return {
        ...options,
        codeSplitting: {
          groups: [
            // What the other pages load comes first, or the group below would take it in with
            // its importers' dependencies.
            { name: 'shared', test: (id: string) => left.has(id) && !isLeft(id), priority: 2 },
            // The entry stays in the page's own script, which imports this one.
            { name: 'startup', test: (id: string) => startup.has(id) && !isEntry(id), priority: 1 },
          ],
        },
      };
    },
  };
};
