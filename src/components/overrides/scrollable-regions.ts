/**
 * Starlight lets a wide table scroll sideways inside the content column, and Expressive
 * Code does the same for long code lines. A region that scrolls must be reachable from the
 * keyboard (WCAG 2.1.1; axe rule scrollable-region-focusable), so each table or code block
 * that overflows gets a tab stop; ones that fit get none. Expressive Code sets the same tab
 * stop for code blocks from a ResizeObserver, which can fire after the page has loaded;
 * doing it here right after the first frame closes that gap. Rechecked when the window is
 * resized.
 *
 * Measuring waits for the frame after the first paint: read during module evaluation,
 * `scrollWidth` forces the page's first layout inside the script's task, one long task
 * where the browser would otherwise lay out in its own rendering step (Lighthouse counts
 * it as blocking time). The blocks below the fold are not laid out yet at that point
 * (`content-visibility: auto` in src/styles/custom.css), and measuring one lays it out, so
 * the work is done a few blocks at a time, yielding to the browser between slices instead
 * of in one long task.
 */

/** Longest slice of measuring before yielding, in milliseconds (a long task is 50 ms). */
const sliceMs = 8;

/** Gives `region` a tab stop when its content is wider than its box, and takes it away when not. */
function markRegion(region: HTMLElement): void {
  if (region.scrollWidth > region.clientWidth + 1) region.tabIndex = 0;
  else if (region.tagName === 'TABLE') region.removeAttribute('tabindex');
}

let run = 0;

/** Measures every table and code block of the page's Markdown content, in slices of `sliceMs`. */
function markScrollableRegions(): void {
  const thisRun = ++run;
  const regions = [
    ...document.querySelectorAll<HTMLElement>('.sl-markdown-content table, .sl-markdown-content .expressive-code pre'),
  ];
  const slice = () => {
    if (thisRun !== run) return; // a resize started a newer run
    const started = performance.now();
    while (regions.length > 0 && performance.now() - started < sliceMs) markRegion(regions.shift()!);
    if (regions.length > 0) setTimeout(slice, 0);
  };
  slice();
}

requestAnimationFrame(() => setTimeout(markScrollableRegions, 0));
let pending = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(markScrollableRegions);
});
