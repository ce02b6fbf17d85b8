import type { Formatter } from '../text/format.js';
import type { Labels } from './labels.js';

/**
 * A goal's chart of its period: numbers in, a small inline SVG and the same
 * in words out. The SVG holds numbers, tick values and month names only,
 * never user text (a KPI's name or unit), so a page can place it unescaped;
 * the words carry the KPI's name and go through the template's escaping.
 */
export interface ChartInput {
  /** The period's months, YYYY-MM, in order. */
  months: readonly string[];
  /** The KPI month by month, aligned with `months`; shorter when the period is under way, null where a month has no value. */
  values: readonly (number | null)[];
  /** Summed over time: drawn cumulatively against the plan; otherwise month by month against the target. */
  sumsOverTime: boolean;
  target: number;
  /** What the plan puts in each month, aligned with `months`; null for a straight line to the target. Summed KPIs only. */
  plan: readonly number[] | null;
  /** The end-of-period value. Summed KPIs only. */
  forecast: number | null;
  baseline: number | null;
  unit: string | null;
  /** The KPI's name as people read it. */
  kpi: string;
}

export interface Chart {
  /** Markup built from numbers only; empty when there is nothing to draw. */
  svg: string;
  /** The same in words: what a screen reader says, and what a page without the chart shows. */
  text: string;
}

export type ChartWords = Pick<Labels, 'chartMonth' | 'chartCumulative' | 'chartLevel' | 'chartNoData'>;

const width = 240;
const height = 90;
// The plot area: room on the left for the value ticks, below for the month names. 192 px wide divides into 2, 3, 4, 6 and 12 months.
const left = 40;
const right = 232;
const top = 6;
const bottom = 74;

function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** Rounds away binary noise (0.1 × 3 is 0.30000000000000004) so that tick values are the round numbers they mean. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

const niceMantissas = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round step of which fewer than four fit into `range`: two or three ticks. */
function tickStep(range: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(range / 3));
  return clean(magnitude * niceMantissas.find((m) => 3 * m * magnitude > range)!);
}

/** `value` rounded up to two significant digits: 12,240,000 → 13,000,000. */
function ceilTwoDigits(value: number): number {
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return clean(Math.ceil(clean(value / magnitude)) * magnitude);
}

interface Scale {
  low: number;
  high: number;
  ticks: number[];
}

/** From 0 to the largest value, rounded up: a cumulative chart shows a small change as small. */
function cumulativeScale(largest: number): Scale {
  const high = largest > 0 ? ceilTwoDigits(largest) : 1;
  const step = tickStep(high);
  const ticks: number[] = [];
  for (let i = 0; clean(i * step) <= high; i++) ticks.push(clean(i * step));
  return { low: 0, high, ticks };
}

/**
 * Around the data, the target and the baseline, at least 40% of the target
 * tall (±20%): 31% → 33% against a target of 35% stays a gentle slope rather
 * than a full-height diagonal. The room goes mostly below the data, and not
 * below 0 when nothing is negative.
 */
function levelScale(numbers: readonly number[], target: number): Scale {
  const least = Math.min(...numbers);
  const most = Math.max(...numbers);
  const spread = most - least;
  // A target of 0 sets no size: then the data's own size does, and 1 when all is 0.
  const range = Math.max(spread * 1.25, Math.abs(target) * 0.4) || Math.max(Math.abs(least), Math.abs(most)) * 0.4 || 1;
  const room = range - spread;
  let low = least - room * 0.75;
  let high = most + room * 0.25;
  if (least >= 0 && low < 0) {
    high -= low;
    low = 0;
  }
  const step = tickStep(high - low);
  const ticks: number[] = [];
  for (let tick = clean(Math.ceil(clean(low / step)) * step); tick <= high; tick = clean(tick + step)) ticks.push(tick);
  return { low, high, ticks };
}

/** A tick value: compact ("6M", "600万"), a percentage for a percent KPI. */
function tickLabel(value: number, unit: string | null, format: Formatter): string {
  return unit === 'percent' ? format.percent(value) : format.compact(value);
}

/** The goal's chart, or only its words when no month has a value yet. */
export function goalChart(input: ChartInput, format: Formatter, words: ChartWords): Chart {
  const { months, sumsOverTime, target } = input;
  const values = input.values.slice(0, months.length).map((v) => (v !== null && Number.isFinite(v) ? v : null));
  const last = values.findLastIndex((v) => v !== null);
  if (months.length === 0 || last === -1 || !Number.isFinite(target)) return { svg: '', text: words.chartNoData };
  return sumsOverTime ? cumulativeChart(input, values, last, format, words) : levelChart(input, values, format, words);
}

/** Month names under the plot: all of them up to six, every other or every third beyond. */
function monthAxis(months: readonly string[], words: ChartWords, x: (i: number) => number): string {
  const stride = Math.ceil(months.length / 6);
  return months
    .map((month, i) => (i % stride === 0 ? `<text x="${round(x(i))}" y="${height - 4}">${words.chartMonth(Number(month.slice(5, 7)))}</text>` : ''))
    .join('');
}

function valueAxis(scale: Scale, y: (v: number) => number, unit: string | null, format: Formatter): string {
  return `<g class="ticks">${scale.ticks.map((tick) => `<text x="${left - 3}" y="${round(y(tick) + 3)}">${tickLabel(tick, unit, format)}</text>`).join('')}</g>`;
}

function frame(kind: string, body: string): string {
  return `<svg class="chart trend ${kind}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true">${body}</svg>`;
}

function cumulativeChart(input: ChartInput, values: readonly (number | null)[], last: number, format: Formatter, words: ChartWords): Chart {
  const { months, target, unit } = input;
  const count = months.length;
  const running: number[] = [];
  values.slice(0, last + 1).forEach((v, i) => running.push((running[i - 1] ?? 0) + (v ?? 0)));
  const planned: number[] = [];
  for (let i = 0; i < count; i++) {
    const month = input.plan === null ? target / count : input.plan[i] ?? 0;
    planned.push((planned[i - 1] ?? 0) + (Number.isFinite(month) ? month : 0));
  }
  const actual = running[last]!;
  const forecast = input.forecast !== null && Number.isFinite(input.forecast) && last < count - 1 ? input.forecast : null;
  const scale = cumulativeScale(Math.max(target, actual, forecast ?? 0, ...running, ...planned));
  // Each month is a band; a cumulative value is drawn at the end of its month, from 0 at the period's start.
  const band = (right - left) / count;
  const end = (i: number): number => left + (i + 1) * band;
  const y = (v: number): number => bottom - ((Math.max(v, scale.low) - scale.low) * (bottom - top)) / (scale.high - scale.low);
  const points = (series: readonly number[]): string => [`${left},${bottom}`, ...series.map((v, i) => `${round(end(i))},${round(y(v))}`)].join(' ');
  const body = [
    `<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`,
    valueAxis(scale, y, unit, format),
    `<g class="months">${monthAxis(months, words, (i) => left + (i + 0.5) * band)}</g>`,
    `<line class="target" x1="${left}" x2="${right}" y1="${round(y(target))}" y2="${round(y(target))}"/>`,
    `<path class="plan" d="M${points(planned).replaceAll(' ', 'L')}"/>`,
    `<polyline class="actual" points="${points(running)}"/>`,
    forecast === null ? '' : `<line class="forecast" x1="${round(end(last))}" y1="${round(y(actual))}" x2="${right}" y2="${round(y(forecast))}" stroke-dasharray="3 2"/>`,
    `<circle cx="${round(end(last))}" cy="${round(y(actual))}" r="2"/>`,
  ];
  const text = words.chartCumulative(
    input.kpi,
    format.value(actual, unit),
    format.value(planned[last]!, unit),
    last + 1,
    count,
    forecast === null ? null : format.value(forecast, unit),
    format.value(target, unit),
  );
  return { svg: frame('cumulative', body.join('')), text };
}

function levelChart(input: ChartInput, values: readonly (number | null)[], format: Formatter, words: ChartWords): Chart {
  const { months, target, unit } = input;
  const baseline = input.baseline !== null && Number.isFinite(input.baseline) ? input.baseline : null;
  const known = values.filter((v): v is number => v !== null);
  const scale = levelScale([...known, target, ...(baseline === null ? [] : [baseline])], target);
  const band = (right - left) / months.length;
  const middle = (i: number): number => left + (i + 0.5) * band;
  const y = (v: number): number => bottom - ((v - scale.low) * (bottom - top)) / (scale.high - scale.low);
  const level = (kind: string, v: number): string => `<line class="${kind}" x1="${left}" x2="${right}" y1="${round(y(v))}" y2="${round(y(v))}"/>`;
  const points = values.flatMap((v, i) => (v === null ? [] : [`${round(middle(i))},${round(y(v))}`]));
  const lastIndex = values.findLastIndex((v) => v !== null);
  const body = [
    `<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`,
    valueAxis(scale, y, unit, format),
    `<g class="months">${monthAxis(months, words, middle)}</g>`,
    baseline === null ? '' : level('baseline', baseline),
    level('target', target),
    `<polyline class="actual" points="${points.join(' ')}"/>`,
    `<circle cx="${round(middle(lastIndex))}" cy="${round(y(values[lastIndex]!))}" r="2"/>`,
  ];
  const text = words.chartLevel(
    input.kpi,
    values.map((v, i) => ({ month: words.chartMonth(Number(months[i]!.slice(5, 7))), value: format.value(v, unit) })),
    format.value(target, unit),
    baseline === null ? null : format.value(baseline, unit),
  );
  return { svg: frame('level', body.join('')), text };
}
