/**
 * `<flowchart-view>`: the browser side of the flowchart (Flowchart.astro). The chart fits
 * the page width by CSS; this element adds, over the server-rendered SVG:
 *
 * - zoom: Fit / − / + buttons, and + / − / 0 while the chart region has focus. A zoom sets
 *   the SVG's width in px (the viewBox keeps its proportions) and keeps the middle of the
 *   view where it was (at the chart's left edge: the root question); the region scrolls,
 *   so mouse, touch and scrollbars pan as usual;
 * - pan: the arrow keys scroll the region while it (or a box in it) has focus;
 * - the reader's last path through the wizard (`$lastWizardPath`, read through the store
 *   module, never from localStorage directly), drawn in the accent colour, its boxes marked
 *   `aria-current="step"`, and named in a note above the chart;
 * - the list view opened on screens under 640 px wide, where the chart is too small to read
 *   without zooming.
 */
import { migrateSegments, urlToSegments, type RetiredRule } from '../../wizard/paths';
import { $lastWizardPath } from '../../wizard/store';

/** Each zoom step multiplies or divides the scale by this. */
const zoomStep = 1.5;
/** The largest scale: twice the natural size (1 = 1 SVG unit per CSS px). */
const maxScale = 2;
/** How far one arrow key press pans, as a share of the visible part of the chart. */
const panShare = 0.2;
/** Below this width (CSS px) the list view opens by itself. */
const narrowQuery = '(max-width: 639.98px)';

/**
 * The slugs of a stored wizard path, after the tree's retired rules.
 *
 * @param path - A `/wizard/…/` path as the wizard stores it; anything else gives [].
 * @param retired - The tree's `retired` rules.
 */
export function storedSlugs(path: string, retired: readonly RetiredRule[]): string[] {
  const segments = urlToSegments(path);
  return segments === null ? [] : migrateSegments(retired, segments.slice(0, 30));
}

class FlowchartView extends HTMLElement {
  #region!: HTMLElement;
  #svg!: SVGSVGElement;
  #scaleOutput: HTMLOutputElement | null = null;
  /** The current scale, or undefined while the chart fits the width (CSS decides). */
  #scale: number | undefined;

  connectedCallback(): void {
    const region = this.querySelector<HTMLElement>('.flowchart-scroll');
    const svg = region?.querySelector('svg');
    if (!region || !svg) return;
    this.#region = region;
    this.#svg = svg;
    this.#scaleOutput = this.querySelector('[data-scale]');

    const tools = this.querySelector<HTMLElement>('[data-tools]');
    if (tools) tools.hidden = false;
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      button.addEventListener('click', () => this.#zoom(button.dataset.zoom));
    }
    region.addEventListener('keydown', (event) => this.#onKey(event));
    new ResizeObserver(() => this.#update()).observe(region);
    this.#update();

    this.#showPath();
    const list = this.querySelector('details');
    if (list && window.matchMedia(narrowQuery).matches) list.open = true;
  }

  /** The width of the chart at scale 1, in CSS px (the SVG's `width` attribute). */
  get #naturalWidth(): number {
    return Number(this.#svg.getAttribute('width')) || 1;
  }

  /** The scale at which the chart fills the region's width. */
  get #fitScale(): number {
    return this.#region.clientWidth / this.#naturalWidth;
  }

  #currentScale(): number {
    return this.#scale ?? this.#fitScale;
  }

  #zoom(how: string | undefined): void {
    const fit = this.#fitScale;
    const current = this.#currentScale();
    if (how === 'fit') return this.#setScale(undefined);
    let next = how === 'in' ? current * zoomStep : current / zoomStep;
    // Stop at the natural size on the way, where the text has its designed size.
    if ((current < 1 && next > 1) || (current > 1 && next < 1)) next = 1;
    if (next <= fit * 1.001) return this.#setScale(undefined);
    this.#setScale(Math.min(next, maxScale));
  }

  /**
   * Sets the scale (undefined: fit the width). Out of the fitted overview the view opens on
   * the root question, at the left. Later zooms keep the middle of the view in place, or,
   * while the view still shows the chart's left edge, that edge and the root question's
   * height, so the reader does not drift away from the start of the chart press by press.
   */
  #setScale(scale: number | undefined): void {
    const region = this.#region;
    const view = region.getBoundingClientRect();
    const before = this.#svg.getBoundingClientRect();
    const fromFit = this.#scale === undefined;
    const atLeftEdge = region.scrollLeft <= 1;
    const root = this.#svg.querySelector(`.boxes a[data-node="${CSS.escape(this.dataset.root ?? '')}"]`);
    const rootBefore = root?.getBoundingClientRect();
    const rootInView =
      rootBefore !== undefined && rootBefore.top >= view.top && rootBefore.bottom <= view.top + region.clientHeight;
    // The anchor: a point of the view (px from its top left) that keeps its point of the chart.
    const anchorX = atLeftEdge ? 0 : region.clientWidth / 2;
    const anchorY =
      atLeftEdge && rootInView ? rootBefore.top + rootBefore.height / 2 - view.top : region.clientHeight / 2;
    const chartX = (region.scrollLeft + anchorX) / before.width;
    const chartY = (region.scrollTop + anchorY) / before.height;
    this.#scale = scale;
    this.#svg.style.width = scale === undefined ? '' : `${Math.round(this.#naturalWidth * scale)}px`;
    const after = this.#svg.getBoundingClientRect();
    if (fromFit) {
      const top = root ? root.getBoundingClientRect().top - after.top : 0;
      region.scrollLeft = 0;
      region.scrollTop = top - region.clientHeight / 4;
    } else {
      region.scrollLeft = chartX * after.width - anchorX;
      region.scrollTop = chartY * after.height - anchorY;
    }
    this.#update();
  }

  /** Shows the scale and disables the buttons that would do nothing. */
  #update(): void {
    const scale = this.#currentScale();
    if (this.#scaleOutput) this.#scaleOutput.value = `${Math.round(scale * 100)} %`;
    const disabled = { fit: this.#scale === undefined, out: this.#scale === undefined, in: scale >= maxScale };
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      button.disabled = disabled[button.dataset.zoom as keyof typeof disabled] ?? false;
    }
  }

  #onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const region = this.#region;
    const panX = Math.max(40, region.clientWidth * panShare);
    const panY = Math.max(40, region.clientHeight * panShare);
    const actions: Record<string, () => void> = {
      ArrowLeft: () => region.scrollBy({ left: -panX }),
      ArrowRight: () => region.scrollBy({ left: panX }),
      ArrowUp: () => region.scrollBy({ top: -panY }),
      ArrowDown: () => region.scrollBy({ top: panY }),
      '+': () => this.#zoom('in'),
      '=': () => this.#zoom('in'),
      '-': () => this.#zoom('out'),
      '−': () => this.#zoom('out'),
      _: () => this.#zoom('out'),
      '0': () => this.#zoom('fit'),
    };
    const action = actions[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  }

  /** Marks the boxes, edges and answer labels of the reader's last path through the wizard. */
  #showPath(): void {
    const saved = $lastWizardPath.get();
    if (!saved) return;
    let retired: RetiredRule[] = [];
    try {
      retired = JSON.parse(this.dataset.retired ?? '[]') as RetiredRule[];
    } catch {
      // A broken attribute only loses the rewriting of old paths.
    }
    let current = this.dataset.root ?? '';
    let steps = 0;
    const mark = (element: Element | null) => element?.classList.add('on-path');
    for (const slug of storedSlugs(saved, retired)) {
      const label = [...this.#svg.querySelectorAll<SVGGElement>('.labels g[data-slug]')].find(
        (g) => g.dataset.source === current && g.dataset.slug === slug,
      );
      if (label === undefined) break;
      if (steps === 0) this.#markBox(current);
      mark(label);
      const edge = this.#svg.querySelector(`.edges path[data-edge="${CSS.escape(label.dataset.edge ?? '')}"]`);
      mark(edge);
      // Drawn last, so the path is not hidden under the other edges.
      if (edge) edge.parentElement?.append(edge);
      current = label.dataset.target ?? '';
      this.#markBox(current);
      steps += 1;
    }
    if (steps === 0) return;
    const note = this.querySelector<HTMLElement>('[data-path-note]');
    if (!note) return;
    const link = document.createElement('a');
    link.href = saved;
    link.textContent = 'continue in the wizard';
    note.replaceChildren(
      `Highlighted: the ${steps === 1 ? 'answer' : `${steps} answers`} you gave last time in the wizard, or `,
      link,
      '.',
    );
    note.hidden = false;
  }

  #markBox(id: string): void {
    const box = this.#svg.querySelector(`.boxes a[data-node="${CSS.escape(id)}"]`);
    box?.classList.add('on-path');
    box?.setAttribute('aria-current', 'step');
  }
}

customElements.define('flowchart-view', FlowchartView);
