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
 * it as blocking time).
 */
function markScrollableRegions(): void {
  for (const region of document.querySelectorAll<HTMLElement>(
    '.sl-markdown-content table, .sl-markdown-content .expressive-code pre, .quick-fix .expressive-code pre',
  )) {
    if (region.scrollWidth > region.clientWidth + 1) region.tabIndex = 0;
    else if (region.tagName === 'TABLE') region.removeAttribute('tabindex');
  }
}

requestAnimationFrame(() => setTimeout(markScrollableRegions, 0));
let pending = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(markScrollableRegions);
});
