// One option (an offer or a combination) explained in plain words: does it fit, what fits,
// what does not, what is not known, how far, how long the wait, in kind or only with a pgb.
import type { ComponentChildren } from 'preact';
import { formatDate, formatMonth, formatNumber, t } from '../i18n';
import { fitOf, type OptionItem } from '../options';
import type { Municipality, Part, QualityNote, WishOutcome } from '../types';

export function weeks(n: number): string {
  return n <= 0 ? t('common.no_wait') : t('common.weeks', { count: n });
}

// When the provider last updated the offer, and "mogelijk verouderd" when the API says so.
export function updatedText(p: Part): string {
  const when = p.last_updated ? formatDate(p.last_updated) : t('common.unknown');
  return p.maybe_outdated ? t('options.updated_outdated', { when }) : when;
}

// A quality note in words, never a bare number: "7,8 uit 132 beoordelingen op
// ZorgkaartNederland, maart 2026"; "Inspectie Gezondheidszorg en Jeugd: voldoet deels,
// november 2025".
export function qualityText(n: QualityNote): string {
  const when = formatMonth(n.measured);
  if (n.kind === 'reviews')
    return t('options.quality_reviews', {
      score: formatNumber(n.score ?? 0, 1),
      count: n.reviews ?? 0,
      source: n.source,
      when,
    });
  return t('options.quality_inspection', {
    source: n.source,
    outcome: t(`options.inspection.${n.outcome ?? 'meets'}`),
    when,
  });
}

export function fitText(o: OptionItem): string {
  const fit = fitOf(o);
  if (fit === 'poor') return t('options.fit.poor', { count: o.unmet });
  return t(`options.fit.${fit}`);
}

export function optionTitle(o: OptionItem): string {
  if (!o.arrangement) return o.explanation.parts[0]?.offer_name ?? o.key;
  return o.explanation.parts.map((p) => p.offer_name).join(' + ');
}

export function funding(p: Part): string {
  if (p.contracting === 'in_natura' && !p.pgb_needed) return t('options.funding.in_kind');
  if (p.pgb_needed) return t('options.funding.pgb_only');
  return t('options.funding.other');
}

const MARK: Record<string, { sign: string; cls: string; key: string }> = {
  voldaan: { sign: '✓', cls: 'ok', key: 'options.status.met' },
  deels: { sign: '½', cls: 'some', key: 'options.status.partly' },
  'niet voldaan': { sign: '✗', cls: 'bad', key: 'options.status.not_met' },
};

export function statusMark(status: string) {
  return MARK[status] ?? { sign: '?', cls: 'unknown', key: 'options.status.unknown' };
}

function WishLine({ w }: { w: WishOutcome | { label: string; status: string; reason: string } }) {
  const m = statusMark(w.status);
  return (
    <li>
      <span class={`mark ${m.cls}`} aria-hidden="true">
        {m.sign}
      </span>
      <span class="visually-hidden">{t(m.key)}: </span>
      {w.label}
      {w.reason && <span class="muted"> ({w.reason})</span>}
    </li>
  );
}

export function OptionCard({
  option,
  n,
  places,
  compare,
  partAction,
}: {
  option: OptionItem;
  n: number;
  places: Map<string, Municipality>;
  partAction?: (part: Part) => ComponentChildren;
  compare?: { checked: boolean; disabled: boolean; onChange: (on: boolean) => void };
}) {
  const e = option.explanation;
  const fit = fitOf(option);
  const known = e.wishes.filter((w) => w.status in MARK);
  const fits = known.filter((w) => w.status === 'voldaan');
  const partly = known.filter((w) => w.status === 'deels');
  const misses = known.filter((w) => w.status === 'niet voldaan');
  // A wish or need the offer does not state is not known, not missing.
  const unknown = [
    ...e.wishes.filter((w) => !(w.status in MARK)),
    ...e.needs.filter((w) => w.status === 'niet bekend'),
  ];
  const needsMissing = e.needs.filter((w) => w.status === 'niet voldaan');
  const headingId = `optie-${n}`;
  return (
    <li class="option" aria-labelledby={headingId}>
      <h3 class="utrecht-heading-3" id={headingId}>
        <span class="option-number">{n}.</span> {optionTitle(option)}
      </h3>
      <p class={`fit fit-${fit}`}>
        {fitText(option)}{' '}
        <span class="muted">{t('options.score', { score: formatNumber(option.score) })}</span>
      </p>
      {e.parts.some((p) => p.temporary) && (
        <p class="utrecht-paragraph temporary">{t('options.temporary')}</p>
      )}
      {e.parts.map((p) => (
        <dl class="facts" key={p.offer_id}>
          {option.arrangement && (
            <>
              <dt>{t(`kinds.${p.kind}`)}</dt>
              <dd>{p.offer_name}</dd>
            </>
          )}
          <dt>{t('options.provider')}</dt>
          <dd>{p.provider_name}</dd>
          <dt>{t('options.where')}</dt>
          <dd>
            {p.location_name}, {places.get(p.municipality_code)?.name ?? p.municipality_code}
          </dd>
          <dt>{t('options.wait')}</dt>
          <dd>
            {weeks(p.wait_weeks)}
            {p.free_places > 0 && `, ${t('options.free_places', { count: p.free_places })}`}
          </dd>
          <dt>{t('options.updated')}</dt>
          <dd>
            {p.last_updated ? formatDate(p.last_updated) : t('common.unknown')}
            {p.maybe_outdated && <span class="badge-outdated"> {t('options.outdated')}</span>}
          </dd>
          <dt>{t('options.funding.label')}</dt>
          <dd>
            {funding(p)} <span class="muted">({p.contracting_reason})</span>
          </dd>
          {!p.profile_accepted && (
            <>
              <dt>{t('options.profile')}</dt>
              <dd class="bad">{t('options.profile_not_accepted')}</dd>
            </>
          )}
          {!p.within_service_area && (
            <>
              <dt>{t('options.area')}</dt>
              <dd class="bad">{t('options.outside_area')}</dd>
            </>
          )}
          {p.travel_km !== undefined && (
            <>
              <dt>{t('options.travel')}</dt>
              <dd>{t('common.km', { km: formatNumber(p.travel_km, 1) })}</dd>
            </>
          )}
          {p.home_km !== undefined && (
            <>
              <dt>{t('options.from_home')}</dt>
              <dd>{t('common.km', { km: formatNumber(p.home_km, 1) })}</dd>
            </>
          )}
          <dt>{t('options.quality')}</dt>
          <dd class="quality">
            {p.quality.length === 0 ? (
              t('options.quality_unknown')
            ) : (
              <ul>
                {p.quality.map((n, i) => (
                  <li key={i}>
                    {n.link ? <a href={n.link}>{qualityText(n)}</a> : qualityText(n)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      ))}
      {partAction && e.parts.map((p) => <div key={`actie-${p.offer_id}`}>{partAction(p)}</div>)}
      {e.places.length > 0 && (
        <>
          <h4 class="utrecht-heading-4">{t('options.distances')}</h4>
          <ul class="wish-list">
            {e.places.map((pl, i) => (
              <li key={i}>
                <span class={`mark ${pl.within ? 'ok' : 'bad'}`} aria-hidden="true">
                  {pl.within ? '✓' : '✗'}
                </span>
                {t(pl.within ? 'options.place_within' : 'options.place_far', {
                  who: pl.label,
                  km: formatNumber(pl.distance_km, 1),
                  max: formatNumber(pl.max_km, 1),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {(fits.length > 0 || partly.length > 0) && (
        <>
          <h4 class="utrecht-heading-4">{t('options.what_fits')}</h4>
          <ul class="wish-list">
            {[...fits, ...partly].map((w) => (
              <WishLine key={w.wish} w={w} />
            ))}
          </ul>
        </>
      )}
      {(misses.length > 0 || needsMissing.length > 0) && (
        <>
          <h4 class="utrecht-heading-4">{t('options.what_not')}</h4>
          <ul class="wish-list">
            {misses.map((w) => (
              <WishLine key={w.wish} w={w} />
            ))}
            {needsMissing.map((w) => (
              <WishLine key={`need-${w.feature_id}`} w={w} />
            ))}
          </ul>
        </>
      )}
      {unknown.length > 0 && (
        <>
          <h4 class="utrecht-heading-4">{t('options.not_known')}</h4>
          <ul class="wish-list">
            {unknown.map((w) => (
              <WishLine key={'wish' in w ? w.wish : `need-${w.feature_id}`} w={w} />
            ))}
          </ul>
        </>
      )}
      {compare && (
        <label class="choice compare-choice" for={`vergelijk-${n}`}>
          <input
            id={`vergelijk-${n}`}
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            checked={compare.checked}
            disabled={compare.disabled}
            onChange={(ev) => compare.onChange((ev.target as HTMLInputElement).checked)}
          />
          <span>{t('options.compare_this', { n })}</span>
        </label>
      )}
    </li>
  );
}
