// Horizontal bars drawn with HTML and CSS, each label (with its figure) in body text above
// its bar: nothing is scaled down to fit a phone, so at 320 px the words are as large as
// the rest of the page. Groups (a moment of the trend) carry a heading line. The chart is
// one image for a screen reader, described by `desc`; the page gives the figures as a table.
import type { ComponentChildren } from 'preact';

export interface Bar {
  label: ComponentChildren; // the words and the figure, "Met een mismatch: 42%"
  share: number | null; // 0..1 of the widest bar; null: too few to show
  tone?: 0 | 1;
}

export interface BarGroup {
  key: string;
  title?: string;
  bars: Bar[];
}

export function BarChart(props: { groups: BarGroup[]; labelledBy: string; descId: string; desc: string; max?: number }) {
  const max = props.max ?? Math.max(...props.groups.flatMap((g) => g.bars.map((b) => b.share ?? 0)), 0.0001);
  return (
    <div class="chart bar-chart" role="img" aria-labelledby={props.labelledBy} aria-describedby={props.descId}>
      <p id={props.descId} class="visually-hidden">
        {props.desc}
      </p>
      {props.groups.map((g) => (
        <div key={g.key} class="bar-group">
          {g.title && <p class="bar-group-title">{g.title}</p>}
          {g.bars.map((b, i) => (
            <div key={i} class="bar-row">
              <span class="bar-label">{b.label}</span>
              <span
                class={`bar bar--tone${b.tone ?? 0}`}
                style={{ width: `${Math.max(((b.share ?? 0) / max) * 100, 0.5)}%` }}
              />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
