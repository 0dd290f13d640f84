// The options for one situation: single offers and combinations, each explained; what no
// option offers (the mismatch); up to three side by side; and the map. Used by the
// anonymous search, a client's own page and the client supporter's.
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import { optionsOf, positionsOf, type OptionItem } from '../options';
import type { LatLon, MatchAnswer, Municipality, Part, Place } from '../types';
import type { ComponentChildren } from 'preact';
import { funding, OptionCard, fitText, optionTitle, statusMark, updatedText, weeks } from './OptionCard';
import { MapView, type MapPoint } from './MapView';

const MAX_COMPARE = 3;

export function OptionsView({
  answer,
  home,
  places,
  municipalities,
  partAction,
}: {
  answer: MatchAnswer;
  home?: LatLon;
  places: Place[];
  municipalities: Municipality[];
  partAction?: (part: Part) => ComponentChildren;
}) {
  const { single, combined } = optionsOf(answer);
  const [tab, setTab] = useState<'single' | 'combined'>('single');
  const [picked, setPicked] = useState<string[]>([]);
  const [positions, setPositions] = useState<Map<string, LatLon>>(new Map());
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const shown = tab === 'single' ? single : combined;
  const all = [...single, ...combined];

  useEffect(() => {
    let live = true;
    positionsOf(shown.flatMap((o) => o.offerIds)).then((p) => live && setPositions(p));
    return () => {
      live = false;
    };
  }, [answer, tab]);

  const toggle = (key: string, on: boolean) =>
    setPicked((cur) => (on ? [...cur, key].slice(0, MAX_COMPARE) : cur.filter((k) => k !== key)));
  const compared = picked.map((k) => all.find((o) => o.key === k)).filter(Boolean) as OptionItem[];

  const points: MapPoint[] = [];
  if (home) points.push({ kind: 'home', label: t('map.home_label'), pos: home });
  places.forEach((p) => points.push({ kind: 'place', label: p.label, pos: p.position }));
  shown.forEach((o, i) => {
    const pos = positions.get(o.offerIds[0]);
    if (pos) points.push({ kind: 'option', label: optionTitle(o), pos, n: i + 1 });
  });

  return (
    <div class="options-view">
      <p class="utrecht-paragraph lead" role="status">
        {t('options.found', { single: single.length, combined: combined.length })}
      </p>
      <Mismatch answer={answer} />
      {combined.length > 0 && (
        <div class="tabs" role="group" aria-label={t('options.tabs_label')}>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            aria-pressed={tab === 'single'}
            onClick={() => setTab('single')}
          >
            {t('options.tab_single', { count: single.length })}
          </button>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            aria-pressed={tab === 'combined'}
            onClick={() => setTab('combined')}
          >
            {t('options.tab_combined', { count: combined.length })}
          </button>
        </div>
      )}
      <h2 class="utrecht-heading-2">
        {tab === 'single' ? t('options.single_title') : t('options.combined_title')}
      </h2>
      <p class="utrecht-paragraph">{t('options.compare_hint', { max: MAX_COMPARE })}</p>
      <ol class="option-list">
        {shown.map((o, i) => (
          <OptionCard
            key={o.key}
            option={o}
            n={i + 1}
            places={byCode}
            partAction={partAction}
            compare={{
              checked: picked.includes(o.key),
              disabled: !picked.includes(o.key) && picked.length >= MAX_COMPARE,
              onChange: (on) => toggle(o.key, on),
            }}
          />
        ))}
      </ol>
      {compared.length >= 2 && <Compare options={compared} all={all} places={byCode} />}
      {compared.length > 0 && (
        <p class="utrecht-paragraph compare-bar" role="status">
          {compared.length === 1 ? (
            t('options.compare_one_more')
          ) : (
            <>
              {t('options.compare_chosen', { count: compared.length })}{' '}
              <a class="utrecht-link" href="#vergelijk-titel">
                {t('options.compare_go')}
              </a>
            </>
          )}
        </p>
      )}
      <h2 class="utrecht-heading-2">{t('map.title')}</h2>
      <MapView points={points} municipalities={municipalities} title={t('map.title')} />
    </div>
  );
}

function Mismatch({ answer }: { answer: MatchAnswer }) {
  const m = answer.mismatch;
  if (m.items.length === 0 && m.free_text_wishes.length === 0) {
    return (
      <div class="utrecht-alert utrecht-alert--ok mismatch-none">
        <p class="utrecht-paragraph">{t('mismatch.none')}</p>
      </div>
    );
  }
  return (
    <section class="mismatch" aria-labelledby="mismatch-titel">
      <h2 class="utrecht-heading-2" id="mismatch-titel">
        {t('mismatch.title')}
      </h2>
      <p class="utrecht-paragraph">{t('mismatch.intro')}</p>
      <ul class="utrecht-unordered-list">
        {m.items.map((item) => (
          <li key={item.key}>
            <strong>{item.label}</strong> ({t(`importance.${item.importance}`)}).{' '}
            {item.nearest
              ? t('mismatch.nearest', {
                  name: item.nearest.offer_name,
                  km: formatNumber(item.nearest.distance_km, 1),
                  wait: weeks(item.nearest.wait_weeks),
                })
              : t('mismatch.nowhere')}
            {(item.reachable_not_stating ?? 0) > 0 &&
              ` ${t('mismatch.not_stated', { count: item.reachable_not_stating })}`}
          </li>
        ))}
      </ul>
      {m.free_text_wishes.length > 0 && (
        <>
          <p class="utrecht-paragraph">{t('mismatch.own_words')}</p>
          <ul class="utrecht-unordered-list">
            {m.free_text_wishes.map((s) => (
              <li key={s}>“{s}”</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Compare({
  options,
  all,
  places,
}: {
  options: OptionItem[];
  all: OptionItem[];
  places: Map<string, Municipality>;
}) {
  const numberOf = (o: OptionItem) => {
    const list = all.filter((x) => x.arrangement === o.arrangement);
    return list.indexOf(o) + 1;
  };
  const wishLabels = [...new Set(options.flatMap((o) => o.explanation.wishes.map((w) => w.label)))];
  const placeLabels = [...new Set(options.flatMap((o) => o.explanation.places.map((p) => p.label)))];
  const cell = (o: OptionItem, label: string) => {
    const w = o.explanation.wishes.find((x) => x.label === label);
    if (!w) return '–';
    const m = statusMark(w.status);
    return (
      <span class={m.cls}>
        <span aria-hidden="true">{m.sign} </span>
        {t(m.key)}
      </span>
    );
  };
  return (
    <section class="compare" aria-labelledby="vergelijk-titel">
      <h2 class="utrecht-heading-2" id="vergelijk-titel">
        {t('options.compare_title')}
      </h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="vergelijk-titel">
        <table class="utrecht-table utrecht-table--html-table compare-table">
          <thead class="utrecht-table__header">
            <tr>
              <td />
              {options.map((o) => (
                <th scope="col" key={o.key}>
                  {numberOf(o)}. {optionTitle(o)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('options.fit_label')}</th>
              {options.map((o) => (
                <td key={o.key}>
                  {fitText(o)} ({formatNumber(o.score)})
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('options.where')}</th>
              {options.map((o) => (
                <td key={o.key}>
                  {o.explanation.parts
                    .map((p) => places.get(p.municipality_code)?.name ?? p.municipality_code)
                    .join(', ')}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('options.wait')}</th>
              {options.map((o) => (
                <td key={o.key}>{o.explanation.parts.map((p) => weeks(p.wait_weeks)).join(', ')}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('options.updated')}</th>
              {options.map((o) => (
                <td key={o.key}>{o.explanation.parts.map(updatedText).join(', ')}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('options.funding.label')}</th>
              {options.map((o) => (
                <td key={o.key}>{o.explanation.parts.map(funding).join(', ')}</td>
              ))}
            </tr>
            {placeLabels.map((label) => (
              <tr key={`plek-${label}`}>
                <th scope="row">{t('options.distance_to', { who: label })}</th>
                {options.map((o) => {
                  const p = o.explanation.places.find((x) => x.label === label);
                  return (
                    <td key={o.key} class={p ? (p.within ? 'ok' : 'bad') : ''}>
                      {p ? t('common.km', { km: formatNumber(p.distance_km, 1) }) : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
            {wishLabels.map((label) => (
              <tr key={`wens-${label}`}>
                <th scope="row">{label}</th>
                {options.map((o) => (
                  <td key={o.key}>{cell(o, label)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
