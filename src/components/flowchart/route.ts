/** The SVG path of a flowchart edge. Pure: the component and the unit tests share it. */

/** A point in SVG user units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The point `distance` px from `from` toward `to`. */
function toward(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) / length) * distance, y: from.y + ((to.y - from.y) / length) * distance };
}

/** An SVG path through orthogonal route points, its corners rounded by `radius` px. */
export function roundedPath(points: readonly Point[], radius = 6): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let path = `M${round(first.x)} ${round(first.y)}`;
  let previous = first;
  for (const [index, corner] of rest.entries()) {
    const next = rest[index + 1];
    if (next === undefined) {
      path += ` L${round(corner.x)} ${round(corner.y)}`;
      break;
    }
    // Never round more than half a segment, or two corners of a short one would cross.
    const start = toward(
      corner,
      previous,
      Math.min(radius, Math.hypot(corner.x - previous.x, corner.y - previous.y) / 2),
    );
    const end = toward(corner, next, Math.min(radius, Math.hypot(next.x - corner.x, next.y - corner.y) / 2));
    path += ` L${round(start.x)} ${round(start.y)} Q${round(corner.x)} ${round(corner.y)} ${round(end.x)} ${round(end.y)}`;
    previous = corner;
  }
  return path;
}
