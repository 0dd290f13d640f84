// Changing the wishes of a dossier with the guideline (leidraad): one life domain per step
// with its questions, how important each wish is (must, important, nice), own words on a wish
// and apart from any, "weet ik nog niet" to go on without changing anything, and a last
// step that saves the change as a new version with a reason. The change is made on the
// version that was read (If-Match); when someone else saved in between, the page says so,
// reads the new version and keeps what this person changed.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { featureLabel, features, municipalities } from '../refdata';
import type { PageProps } from '../routes';
import type { Feature, Importance, Municipality, Wish } from '../types';
import {
  cleanWishes,
  diff,
  draftWish,
  dropDraft,
  getDraft,
  inLang,
  leidraad,
  readDossier,
  rebaseWishes,
  rebaseNeeds,
  rebasePlaces,
  cleanPlaces,
  samePlaces,
  saveDossier,
  sameNeeds,
  setDraftWish,
  startDraft,
  versionNumber,
  type DiffAnswer,
  type Draft,
  type Leidraad,
  type LeidraadDomain,
} from '../dossier';
import { useDossierTarget, withStep } from '../components/DossierLinks';
import { Choice, Select } from '../components/Fields';
import { firstValue, IMPORTANCE, PlaceFields, WishFields } from '../components/GuideFields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';
import { ReadAloud } from '../components/ReadAloud';
import { WishLine } from './Dossier';


interface Ref {
  guide: Leidraad;
  features: Feature[];
  municipalities: Municipality[];
}

export default function DossierEdit({ params, query }: PageProps) {
  const target = useDossierTarget(params, query);
  const id = target.id;
  const [ref, setRef] = useState<Ref | null>(null);
  const [draft, setDraft] = useState<Draft | null>(id ? getDraft(id) ?? null : null);
  const [error, setError] = useState<unknown>(null);
  const [, redraw] = useState(0);
  const update = () => redraw((n) => n + 1);

  useEffect(() => {
    if (!id) return;
    Promise.all([leidraad(), features(), municipalities()])
      .then(([guide, f, m]) =>
        setRef({ guide, features: f, municipalities: [...m].sort((a, b) => a.name.localeCompare(b.name, 'nl')) }),
      )
      .catch(setError);
    if (!getDraft(id))
      readDossier(id)
        .then((d) => setDraft(startDraft(id, d.client, d.version)))
        .catch(setError);
  }, [id]);

  // The life domains, what is needed (a professional's step), own words, save.
  const domains = ref?.guide.domains.length ?? 8;
  const needsStep = target.supporter ? domains : -1;
  const placesIndex = domains + (target.supporter ? 1 : 0);
  const ownIndex = placesIndex + 1;
  const total = ownIndex + 2;
  const index = Math.min(Math.max(Number(query.get('stap') || '1') - 1, 0), total - 1);
  const go = (i: number) => navigate(withStep(target.path('/wijzigen'), i + 1));

  if (!id) return <p class="utrecht-paragraph">{t('mine.no_client')}</p>;
  if (!ref || !draft)
    return (
      <section>
        <h1 class="utrecht-heading-1">{t('dossier.edit_title')}</h1>
        <Loading error={error} />
      </section>
    );

  const domain: LeidraadDomain | undefined = ref.guide.domains[index];
  const ownStep = index === ownIndex;
  const onNeeds = index === needsStep;
  const onPlaces = index === placesIndex;
  const saveStep = index === total - 1;
  const key = ownStep ? 'own_step' : onNeeds ? 'needs_step' : onPlaces ? 'places_step' : 'save_step';
  const title = domain ? inLang(domain.title_nl, domain.title_en) : t(`dossier.${key}.title`);
  const intro = domain ? inLang(domain.intro_nl, domain.intro_en) : t(`dossier.${key}.intro`);
  const spoken = () => {
    const questions = domain ? domain.questions.map((q) => inLang(q.text_nl, q.text_en)).join(' ') : '';
    return `${t('search.progress', { n: index + 1, total })}. ${title}. ${intro} ${questions}`;
  };

  return (
    <section class="search dossier-edit">
      <p class="no-print">
        <a class="utrecht-link" href={target.path()}>
          {t('dossier.back_dossier')}
        </a>
      </p>
      <p class="progress">
        <span>
          {t('dossier.edit_for', { name: draft.base.name })} · {t('search.progress', { n: index + 1, total })}
        </span>
        <span
          class="progress-bar"
          role="progressbar"
          aria-label={t('search.progress_label')}
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={index + 1}
        >
          <span style={{ width: `${((index + 1) / total) * 100}%` }} />
        </span>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{intro}</p>
      <ReadAloud text={spoken} />
      {saveStep ? (
        <SaveStep draft={draft} ref_={ref} supporter={target.supporter} onBack={() => go(index - 1)} onDone={() => navigate(target.path())} onChange={update} />
      ) : (
        <form
          class="utrecht-form"
          onSubmit={(e) => {
            e.preventDefault();
            go(index + 1);
          }}
        >
          {domain && <DomainStep domain={domain} draft={draft} features={ref.features} onChange={update} />}
          {onNeeds && <NeedsStep draft={draft} features={ref.features} onChange={update} />}
          {onPlaces && <PlacesStep draft={draft} municipalities={ref.municipalities} onChange={update} />}
          {ownStep && <OwnWordsStep draft={draft} onChange={update} />}
          <div class="button-row">
            {index > 0 && (
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => go(index - 1)}>
                {t('common.back')}
              </button>
            )}
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => go(index + 1)}>
              {ref.guide.unknown_answer ? inLang(ref.guide.unknown_answer.nl, ref.guide.unknown_answer.en) : ''}
              {t('dossier.skip_suffix')}
            </button>
            <button type="submit" class="utrecht-button utrecht-button--primary-action big">
              {t('common.next')}
            </button>
          </div>
          <p>
            <a class="utrecht-link" href={withStep(target.path('/wijzigen'), total)}>
              {t('dossier.to_save')}
            </a>
          </p>
        </form>
      )}
    </section>
  );
}

function DomainStep({
  domain,
  draft,
  features,
  onChange,
}: {
  domain: LeidraadDomain;
  draft: Draft;
  features: Feature[];
  onChange: () => void;
}) {
  return (
    <>
      {domain.questions.map((q) => (
        <fieldset class="utrecht-form-fieldset question" key={q.id}>
          <legend>{inLang(q.text_nl, q.text_en)}</legend>
          <ul class="choice-list">
            {q.features.map((lf) => {
              const f = features.find((x) => x.id === lf.id);
              const chosen = draftWish(draft, lf.id);
              const label = f ? featureLabel(f) : inLang(lf.label_nl, lf.label_en);
              return (
                <li key={lf.id}>
                  <Choice
                    type="checkbox"
                    id={`wens-${lf.id}`}
                    label={label}
                    checked={!!chosen}
                    onChange={(on) => {
                      setDraftWish(
                        draft,
                        lf.id,
                        on
                          ? {
                              feature_id: lf.id,
                              importance: 'important',
                              value: firstValue(f),
                              text: '',
                            }
                          : null,
                      );
                      onChange();
                    }}
                  />
                  {chosen && <WishDetails wish={chosen} feature={f} label={label} onChange={onChange} />}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </>
  );
}

function WishDetails({
  wish,
  feature,
  label,
  onChange,
}: {
  wish: Wish;
  feature?: Feature;
  label: string;
  onChange: () => void;
}) {
  const fid = wish.feature_id!;
  return (
    <WishFields id={fid} wish={wish} feature={feature} label={label} onChange={onChange}>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`woorden-${fid}`}>
          {t('dossier.wish_words')}
        </label>
        <input
          id={`woorden-${fid}`}
          class="utrecht-textbox utrecht-textbox--html-input"
          type="text"
          maxLength={500}
          value={wish.text ?? ''}
          onInput={(e) => {
            wish.text = (e.target as HTMLInputElement).value;
          }}
        />
      </div>
    </WishFields>
  );
}

// What is needed, recorded by a professional (the API refuses it from a client or their
// representative): from the indication or the supporter's own assessment, with where it
// comes from.
function NeedsStep({ draft, features, onChange }: { draft: Draft; features: Feature[]; onChange: () => void }) {
  const [adding, setAdding] = useState('');
  const label = (id: string) => {
    const f = features.find((x) => x.id === id);
    return f ? featureLabel(f) : id;
  };
  const free = features
    .filter((f) => !draft.needs.some((n) => n.feature_id === f.id))
    .sort((a, b) => featureLabel(a).localeCompare(featureLabel(b), 'nl'));
  return (
    <>
      {draft.needs.length === 0 && <p class="utrecht-paragraph">{t('dossier.no_needs')}</p>}
      {draft.needs.map((n) => (
        <fieldset class="utrecht-form-fieldset place" key={n.feature_id}>
          <legend>{label(n.feature_id)}</legend>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={`nodig-${n.feature_id}`}>
              {t('dossier.needs_step.note')}
            </label>
            <input
              id={`nodig-${n.feature_id}`}
              class="utrecht-textbox utrecht-textbox--html-input"
              type="text"
              maxLength={200}
              value={n.note ?? ''}
              onInput={(e) => {
                n.note = (e.target as HTMLInputElement).value;
              }}
            />
          </div>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              draft.needs.splice(draft.needs.indexOf(n), 1);
              onChange();
            }}
          >
            {t('dossier.needs_step.remove', { what: label(n.feature_id) })}
          </button>
        </fieldset>
      ))}
      <div class="add-need">
        <Select
          id="nodig-erbij"
          label={t('dossier.needs_step.add_label')}
          value={adding}
          options={[{ value: '', label: t('dossier.needs_step.choose') }, ...free.map((f) => ({ value: f.id, label: featureLabel(f) }))]}
          onChange={setAdding}
        />
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          disabled={!adding}
          onClick={() => {
            draft.needs.push({ feature_id: adding, note: '' });
            setAdding('');
            onChange();
            requestAnimationFrame(() => document.getElementById(`nodig-${adding}`)?.focus());
          }}
        >
          {t('dossier.needs_step.add')}
        </button>
      </div>
    </>
  );
}

// The people and places that matter, and how far from them the client will live at most.
// A new place sits at its municipality's centre; an existing one stays where it is unless
// another municipality is chosen.
function PlacesStep({
  draft,
  municipalities,
  onChange,
}: {
  draft: Draft;
  municipalities: Municipality[];
  onChange: () => void;
}) {
  const add = () => {
    draft.places.push({
      kind: 'familie',
      label: '',
      max_km: 10,
      importance: 'important',
      moveTo: draft.base.municipality_code,
    });
    onChange();
    requestAnimationFrame(() => document.getElementById(`plek-${draft.places.length - 1}-wie`)?.focus());
  };
  return (
    <>
      {draft.places.map((p, i) => (
        <PlaceFields
          key={i}
          i={i}
          place={p}
          where={{
            value: p.moveTo ?? '',
            options: [
              ...(p.position ? [{ value: '', label: t('dossier.places_step.stays') }] : []),
              ...municipalities.map((m) => ({ value: m.code, label: m.name })),
            ],
            onChange: (v) => {
              p.moveTo = v || undefined;
              onChange();
            },
          }}
          onChange={onChange}
          onRemove={() => {
            draft.places.splice(i, 1);
            onChange();
          }}
        />
      ))}
      {draft.places.length < 10 && (
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={add}>
          {t('search.people.add')}
        </button>
      )}
    </>
  );
}

// Wishes in own words only, not tied to anything Passend knows: they are shown to every
// organisation and in the report, and the options say they are not known.
function OwnWordsStep({ draft, onChange }: { draft: Draft; onChange: () => void }) {
  const own = draft.wishes.filter((w) => !w.feature_id);
  const add = () => {
    draft.wishes.push({ importance: 'important', text: '' });
    onChange();
    requestAnimationFrame(() => document.getElementById(`eigen-${own.length}`)?.focus());
  };
  return (
    <>
      {own.map((w, i) => (
        <fieldset class="utrecht-form-fieldset place" key={i}>
          <legend>{t('dossier.own_step.legend', { n: i + 1 })}</legend>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={`eigen-${i}`}>
              {t('dossier.own_step.words')}
            </label>
            <textarea
              id={`eigen-${i}`}
              class="utrecht-textarea utrecht-textarea--html-textarea"
              maxLength={500}
              value={w.text ?? ''}
              onInput={(e) => {
                w.text = (e.target as HTMLTextAreaElement).value;
              }}
            />
          </div>
          <Select
            id={`eigen-${i}-belang`}
            label={t('search.domain.how_important')}
            value={w.importance}
            options={IMPORTANCE.map((v) => ({ value: v, label: t(`importance.${v}`) }))}
            onChange={(v) => {
              w.importance = v as Importance;
              onChange();
            }}
          />
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              draft.wishes.splice(draft.wishes.indexOf(w), 1);
              onChange();
            }}
          >
            {t('dossier.own_step.remove', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={add}>
        {t('dossier.own_step.add')}
      </button>
    </>
  );
}

function SaveStep({
  draft,
  ref_,
  supporter,
  onBack,
  onDone,
  onChange,
}: {
  draft: Draft;
  ref_: Ref;
  supporter: boolean;
  onBack: () => void;
  onDone: () => void;
  onChange: () => void;
}) {
  const [reason, setReason] = useState(t(supporter ? 'dossier.save_step.reason_supporter' : 'dossier.save_step.reason_default'));
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [moved, setMoved] = useState<DiffAnswer | null>(null);
  const [placesMissing, setPlacesMissing] = useState(false);
  const wishes = cleanWishes(draft.wishes);

  const save = async () => {
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById('reden')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const needsChanged = supporter && !sameNeeds(draft.base.needs, draft.needs);
      const places = cleanPlaces(draft.places, ref_.municipalities);
      if (places === null) {
        setPlacesMissing(true);
        setBusy(false);
        return;
      }
      const placesChanged = !samePlaces(draft.base.places, places);
      await saveDossier(draft.clientId, draft.version, reason.trim(), {
        wishes,
        ...(placesChanged ? { places } : {}),
        ...(needsChanged ? { needs: draft.needs.map((n) => ({ feature_id: n.feature_id, note: (n.note ?? '').trim() })) } : {}),
      });
      dropDraft(draft.clientId);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Someone else saved meanwhile: read their version, keep this person's changes.
        try {
          const fresh = await readDossier(draft.clientId);
          const from = versionNumber(draft.version);
          const to = versionNumber(fresh.version);
          const merged = rebaseWishes(draft.base.wishes, draft.wishes, fresh.client.wishes);
          draft.needs = rebaseNeeds(draft.base.needs, draft.needs, fresh.client.needs);
          draft.places = rebasePlaces(draft.base.places, draft.places, fresh.client.places);
          setMoved(await diff(draft.clientId, from, to).catch(() => null));
          draft.base = fresh.client;
          draft.version = fresh.version;
          draft.wishes = merged;
          onChange();
          requestAnimationFrame(() => document.getElementById('intussen')?.focus());
        } catch (again) {
          setError(again);
        }
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="utrecht-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {moved !== null && (
        <div class="utrecht-alert utrecht-alert--warning" role="alert" id="intussen" tabIndex={-1}>
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="utrecht-paragraph">
                <strong>{t('dossier.conflict.title')}</strong>
              </p>
              <p class="utrecht-paragraph">{t('dossier.conflict.text')}</p>
              {moved.changes.length > 0 && (
                <>
                  <p class="utrecht-paragraph">
                    {t('dossier.conflict.who', { name: moved.to.author.name })}
                  </p>
                  <ul class="utrecht-unordered-list">
                    {moved.changes.map((c, i) => (
                      <li key={i}>{changeText(c)}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </div>
        </div>
      )}
      {error !== null && <Problem error={error} />}
      {placesMissing && (
        <p class="utrecht-form-field-error-message" role="alert">
          {t('dossier.places_step.where_missing')}
        </p>
      )}
      <h2 class="utrecht-heading-2">{t('dossier.save_step.wishes')}</h2>
      {wishes.length === 0 ? (
        <p class="utrecht-paragraph">{t('dossier.no_wishes')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {wishes.map((w, i) => (
            <WishLine key={i} w={w} features={ref_.features} />
          ))}
        </ul>
      )}
      {draft.places.some((p) => p.label.trim()) && (
        <>
          <h2 class="utrecht-heading-2">{t('client.places')}</h2>
          <ul class="utrecht-unordered-list">
            {draft.places
              .filter((p) => p.label.trim())
              .map((p, i) => (
                <li key={i}>
                  {t('client.place', { who: p.label.trim(), km: p.max_km })} ({t(`importance.${p.importance}`)})
                </li>
              ))}
          </ul>
        </>
      )}
      {supporter && (
        <>
          <h2 class="utrecht-heading-2">{t('dossier.needs')}</h2>
          {draft.needs.length === 0 ? (
            <p class="utrecht-paragraph">{t('dossier.no_needs')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {draft.needs.map((n) => {
                const f = ref_.features.find((x) => x.id === n.feature_id);
                return (
                  <li key={n.feature_id}>
                    {f ? featureLabel(f) : n.feature_id}
                    {n.note && <span class="muted"> ({n.note})</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      <div class={`utrecht-form-field${missing ? ' utrecht-form-field--invalid' : ''}`}>
        <label class="utrecht-form-label" for="reden">
          {t('dossier.save_step.reason')}
        </label>
        <p class="field-hint" id="reden-hint">
          {t('dossier.save_step.reason_hint')}
        </p>
        {missing && (
          <p class="utrecht-form-field-error-message" id="reden-error">
            {t('dossier.save_step.reason_missing')}
          </p>
        )}
        <input
          id="reden"
          class="utrecht-textbox utrecht-textbox--html-input"
          type="text"
          maxLength={500}
          aria-describedby={missing ? 'reden-hint reden-error' : 'reden-hint'}
          aria-invalid={missing ? true : undefined}
          value={reason}
          onInput={(e) => {
            setReason((e.target as HTMLInputElement).value);
            setMissing(false);
          }}
        />
      </div>
      <div class="button-row">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={onBack}>
          {t('common.back')}
        </button>
        <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
          {t('dossier.save_step.save')}
        </button>
      </div>
    </form>
  );
}

export function changeText(c: DiffAnswer['changes'][number]): string {
  if (c.kind === 'added') return t('dossier.change.added', { what: c.label_nl, after: c.after });
  if (c.kind === 'removed') return t('dossier.change.removed', { what: c.label_nl, before: c.before });
  return t('dossier.change.changed', { what: c.label_nl, before: c.before, after: c.after });
}
