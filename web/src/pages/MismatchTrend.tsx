// The care office's trend of the mismatch map: the moments kept (quarterly, by
// `passend mismatch --bewaar`) side by side, as a chart and tables, with CSV downloads
// (GET /api/v1/mismatch/trend?region=). Counts of fewer clients than may be shown never
// reach the browser: the server left them out when it kept the moment.
import { get } from '../api';
import { downloadCsv } from '../csv';
import { formatDate, formatDateTime, formatNumber, lang, t } from '../i18n';
import { useSession } from '../session';
import type { MismatchTrend as Trend } from '../types';
import { useAsync } from '../useAsync';
import { BarChart } from '../components/BarChart';
import { Loading } from '../components/Loading';

type Moment = Trend['moments'][number];

const formatDateTimeSeconds = (iso: string): string =>
  new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

const share = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : part / whole;
const pct = (s: number | null) => (s === null ? t('trend.unknown') : `${formatNumber(s * 100, 1)}%`);
const num = (n: number | null | undefined) =>
  n === null || n === undefined ? t('trend.unknown') : formatNumber(n);

// The change from the first to the newest moment, with its sign in words for a screen reader.
function change(first: number | null, last: number | null): string {
  if (first === null || last === null) return t('trend.unknown');
  const d = last - first;
  if (d === 0) return t('trend.same');
  return d > 0 ? t('trend.up', { n: formatNumber(d) }) : t('trend.down', { n: formatNumber(-d) });
}

export default function MismatchTrend() {
  const { me } = useSession();
  const region = me?.region ?? '';
  const { data, error } = useAsync(
    () => get<Trend>(`/api/v1/mismatch/trend?region=${encodeURIComponent(region)}`),
    [region],
  );
  const moments = data?.moments ?? [];
  // A moment by its date; moments of one day by their time as well (of one minute, with
  // the seconds: a moment is one per second).
  const distinct = (f: (iso: string) => string) =>
    new Set(moments.map((m) => f(m.taken_at))).size === moments.length;
  const label = [formatDate, formatDateTime, formatDateTimeSeconds].find(distinct) ?? formatDateTimeSeconds;
  const when = (m: Moment) => label(m.taken_at);
  const last = moments.length - 1;

  return (
    <section>
      <h1 class="utrecht-heading-1">{t('trend.title')}</h1>
      <p class="utrecht-paragraph">{t('trend.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/zorgkantoor">
          {t('trend.to_map')}
        </a>
      </p>
      {!data && <Loading error={error} />}
      {data && moments.length === 0 && (
        <div class="utrecht-alert utrecht-alert--info" role="status">
          <p class="utrecht-paragraph">{t('trend.none')}</p>
        </div>
      )}
      {data && moments.length > 0 && (
        <>
          {moments.length === 1 && <p class="utrecht-paragraph">{t('trend.one')}</p>}
          <h2 class="utrecht-heading-2" id="trend-grafiek-titel">
            {t('trend.chart_title')}
          </h2>
          {/* Per moment two bars: the share of the region's clients with a mismatch, and
              with a missing must. */}
          <BarChart
            labelledBy="trend-grafiek-titel"
            descId="trend-grafiek-uitleg"
            desc={t('trend.chart_desc')}
            max={1}
            groups={moments.map((m) => {
              const shares = [share(m.clients_with_mismatch, m.clients), share(m.clients_with_must_gap, m.clients)];
              return {
                key: m.taken_at,
                title: when(m),
                bars: shares.map((s, j) => ({
                  label: `${t(j === 0 ? 'trend.bar_mismatch' : 'trend.bar_must')}: ${pct(s)}`,
                  share: s,
                  tone: j as 0 | 1,
                })),
              };
            })}
          />

          <h2 class="utrecht-heading-2" id="trend-momenten-titel">
            {t('trend.moments_title')}
          </h2>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              downloadCsv(`mismatch-${data.region}-trend.csv`, [
                [t('trend.moment'), t('careoffice.clients'), t('careoffice.with_mismatch'), t('careoffice.with_must_gap')],
                ...moments.map((m) => [
                  m.taken_at,
                  m.clients ?? '',
                  m.clients_with_mismatch ?? '',
                  m.clients_with_must_gap ?? '',
                ]),
              ])
            }
          >
            {t('trend.download_moments')}
          </button>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="trend-momenten-titel">
            <table class="utrecht-table utrecht-table--html-table trend-moments">
              <thead>
                <tr>
                  <th scope="col">{t('trend.moment')}</th>
                  <th scope="col" class="num">
                    {t('careoffice.clients')}
                  </th>
                  <th scope="col" class="num">
                    {t('careoffice.with_mismatch')}
                  </th>
                  <th scope="col" class="num">
                    {t('careoffice.with_must_gap')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {moments.map((m) => (
                  <tr key={m.taken_at}>
                    <th scope="row">{when(m)}</th>
                    <td class="num">{num(m.clients)}</td>
                    <td class="num">
                      {num(m.clients_with_mismatch)} ({pct(share(m.clients_with_mismatch, m.clients))})
                    </td>
                    <td class="num">
                      {num(m.clients_with_must_gap)} ({pct(share(m.clients_with_must_gap, m.clients))})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 class="utrecht-heading-2" id="trend-wensen-titel">
            {t('trend.wishes_title')}
          </h2>
          <p class="utrecht-paragraph">{t('trend.wishes_intro')}</p>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              downloadCsv(`mismatch-${data.region}-trend-per-wens.csv`, [
                [t('careoffice.wish'), t('careoffice.key'), ...moments.map((m) => m.taken_at)],
                ...data.per_wish.map((w) => [w.label, w.key, ...w.clients.map((n) => n ?? '')]),
              ])
            }
          >
            {t('trend.download_wishes')}
          </button>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="trend-wensen-titel">
            <table class="utrecht-table utrecht-table--html-table trend-wishes">
              <thead>
                <tr>
                  <th scope="col">{t('careoffice.wish')}</th>
                  {moments.map((m) => (
                    <th scope="col" class="num" key={m.taken_at}>
                      {when(m)}
                    </th>
                  ))}
                  {last > 0 && (
                    <th scope="col" class="num">
                      {t('trend.change')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.per_wish.map((w) => (
                  <tr key={w.key}>
                    <th scope="row">{w.label}</th>
                    {w.clients.map((n, i) => (
                      <td class="num" key={moments[i]?.taken_at ?? i}>
                        {num(n)}
                      </td>
                    ))}
                    {last > 0 && <td class="num">{change(w.clients[0], w.clients[last])}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="utrecht-paragraph small">{t('trend.unknown_note')}</p>
        </>
      )}
    </section>
  );
}
