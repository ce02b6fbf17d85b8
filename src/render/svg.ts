/**
 * Small inline SVG charts. They are built from numbers only, never from user
 * text, so they can be placed in a page unescaped.
 */

function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** A horizontal bar filled to `fraction` (0..1, clamped), with a marker at `marker` if given. */
export function progressBar(fraction: number | null, marker: number | null, status: string): string {
  const width = 120;
  const height = 10;
  const filled = fraction === null ? 0 : Math.min(Math.max(fraction, 0), 1) * width;
  const markerLine =
    marker === null ? '' : `<line class="marker" x1="${round(Math.min(Math.max(marker, 0), 1) * width)}" x2="${round(Math.min(Math.max(marker, 0), 1) * width)}" y1="0" y2="${height}"/>`;
  return `<svg class="bar ${status}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><rect class="track" width="${width}" height="${height}" rx="2"/><rect class="fill" width="${round(filled)}" height="${height}" rx="2"/>${markerLine}</svg>`;
}

const blocks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** The same trend as text, for Markdown: one block character per month. */
export function sparkText(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values.map((v) => (v === null ? ' ' : blocks[max === min ? 3 : Math.round(((v - min) / (max - min)) * 7)])).join('');
}

/**
 * A team's confidence (0..10) check-in by check-in, on a fixed scale: a drop
 * from 7 to 6 looks small, and a line near the bottom reads as low at once.
 */
export function confidenceLine(values: readonly number[]): string {
  const width = 48;
  const height = 16;
  const pad = 2;
  if (values.length === 0) return '';
  const x = (i: number): number => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number): number => height - pad - (Math.min(Math.max(v, 0), 10) * (height - 2 * pad)) / 10;
  const points = values.map((v, i) => `${round(x(i))},${round(y(v))}`);
  const last = values.length - 1;
  return `<svg class="confidence" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><line class="axis" x1="0" x2="${width}" y1="${round(y(5))}" y2="${round(y(5))}"/><polyline points="${points.join(' ')}"/><circle cx="${round(x(last))}" cy="${round(y(values[last]!))}" r="2"/></svg>`;
}
