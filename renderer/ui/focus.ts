/**
 * Focus the first element matching `selector` once it is rendered: screens that read their data
 * asynchronously (a service's page, a map popup) render their heading a few frames later.
 * Gives up after `frames` animation frames; returns a cancel function.
 */
export const focusWhenReady = (
  selector: string,
  { root = document, frames = 90 }: { root?: ParentNode; frames?: number } = {},
): (() => void) => {
  let handle = 0;
  let left = frames;
  const attempt = () => {
    const target = root.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return;
    }
    if (--left > 0) handle = requestAnimationFrame(attempt);
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
};
