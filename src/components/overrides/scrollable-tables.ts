/**
 * Starlight lets a wide table scroll sideways inside the content column. A region that
 * scrolls must be reachable from the keyboard (WCAG 2.1.1; axe rule
 * scrollable-region-focusable), so each table that overflows gets a tab stop; tables that
 * fit get none. Rechecked when the window is resized.
 */
function markScrollableTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('.sl-markdown-content table')) {
    if (table.scrollWidth > table.clientWidth + 1) table.tabIndex = 0;
    else table.removeAttribute('tabindex');
  }
}

markScrollableTables();
let pending = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(markScrollableTables);
});
