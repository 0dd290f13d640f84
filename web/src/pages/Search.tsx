// The guideline (leidraad) without an account: one step per page: where, what kind of care,
// one life domain per step, the people and places that matter, then an overview. "Weet ik
// nog niet" is always allowed, own words are welcome, every step can be read aloud.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import {
  byCode,
  careProfiles,
  DOMAINS,
  featureLabel,
  features,
  KINDS,
  municipalities,
} from '../refdata';
import { answers } from '../search';
import type { CareProfile, Feature, Municipality } from '../types';
import { Problem } from '../components/Problem';
import { ReadAloud } from '../components/ReadAloud';
import { Choice, Select } from '../components/Fields';
import { firstValue, PlaceFields, WishFields } from '../components/GuideFields';

type Step = { id: string; domain?: string };
const STEPS: Step[] = [
  { id: 'waar' },
  { id: 'wat' },
  ...DOMAINS.map((d) => ({ id: d, domain: d })),
  { id: 'mensen' },
  { id: 'overzicht' },
];

interface Ref {
  features: Feature[];
  profiles: CareProfile[];
  municipalities: Municipality[];
}

export default function Search({ query }: PageProps) {
  const index = Math.min(Math.max(Number(query.get('stap') || '1') - 1, 0), STEPS.length - 1);
  const step = STEPS[index];
  const [ref, setRef] = useState<Ref | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, redraw] = useState(0);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    Promise.all([features(), careProfiles(), municipalities()])
      .then(([f, p, m]) =>
        setRef({
          features: f,
          profiles: p,
          municipalities: [...m].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
        }),
      )
      .catch(setError);
  }, []);

  const go = (i: number) => navigate(`/zoeken?stap=${i + 1}`);
  const next = () => {
    if (step.id === 'waar' && !answers.municipality_code) {
      setMissing(true);
      document.getElementById('gemeente')?.focus();
      return;
    }
    answers.skipped = answers.skipped.filter((s) => s !== step.id);
    go(index + 1);
  };
  const skip = () => {
    if (!answers.skipped.includes(step.id)) answers.skipped.push(step.id);
    go(index + 1);
  };
  const update = () => redraw((n) => n + 1);

  const title = stepTitle(step);
  const intro = t(`search.steps.${step.id}.intro`);
  const spoken = () => {
    const options =
      step.domain && ref
        ? ref.features
            .filter((f) => f.domain === step.domain)
            .map(featureLabel)
            .join('. ')
        : '';
    return `${t('search.progress', { n: index + 1, total: STEPS.length })}. ${title}. ${intro} ${options}`;
  };

  return (
    <section class="search">
      <p class="progress">
        <span>{t('search.progress', { n: index + 1, total: STEPS.length })}</span>
        <span
          class="progress-bar"
          role="progressbar"
          aria-label={t('search.progress_label')}
          aria-valuemin={1}
          aria-valuemax={STEPS.length}
          aria-valuenow={index + 1}
        >
          <span style={{ width: `${((index + 1) / STEPS.length) * 100}%` }} />
        </span>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{intro}</p>
      <ReadAloud text={spoken} />
      {error !== null && <Problem error={error} />}
      {!ref && error === null && <p class="loading">{t('common.loading')}</p>}
      {ref && (
        <form
          class="utrecht-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (step.id === 'overzicht') navigate('/zoeken/opties');
            else next();
          }}
        >
          {step.id === 'waar' && (
            <WhereStep ref_={ref} missing={missing} onChange={() => (setMissing(false), update())} />
          )}
          {step.id === 'wat' && <WhatStep ref_={ref} onChange={update} />}
          {step.domain && <DomainStep domain={step.domain} ref_={ref} onChange={update} />}
          {step.id === 'mensen' && <PeopleStep ref_={ref} onChange={update} />}
          {step.id === 'overzicht' && <Overview ref_={ref} />}
          <div class="button-row">
            {index > 0 && (
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => go(index - 1)}
              >
                {t('common.back')}
              </button>
            )}
            {step.id !== 'waar' && step.id !== 'overzicht' && (
              <button type="button" class="utrecht-button utrecht-button--subtle" onClick={skip}>
                {t('search.dont_know')}
              </button>
            )}
            <button type="submit" class="utrecht-button utrecht-button--primary-action big">
              {step.id === 'overzicht' ? t('search.show_options') : t('common.next')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function stepTitle(step: Step): string {
  return t(`search.steps.${step.id}.title`);
}

function WhereStep({
  ref_,
  missing,
  onChange,
}: {
  ref_: Ref;
  missing: boolean;
  onChange: () => void;
}) {
  return (
    <Select
      id="gemeente"
      label={t('search.where.label')}
      hint={t('search.where.hint')}
      error={missing ? t('search.where.missing') : undefined}
      value={answers.municipality_code}
      options={[
        { value: '', label: t('search.where.choose') },
        ...ref_.municipalities.map((m) => ({ value: m.code, label: m.name })),
      ]}
      onChange={(v) => {
        answers.municipality_code = v;
        onChange();
      }}
    />
  );
}

function WhatStep({ ref_, onChange }: { ref_: Ref; onChange: () => void }) {
  return (
    <>
      <fieldset class="utrecht-form-fieldset">
        <legend>{t('search.what.kinds')}</legend>
        <p class="field-hint">{t('search.what.kinds_hint')}</p>
        <ul class="choice-list">
          {KINDS.map((k) => (
            <li key={k}>
              <Choice
                type="checkbox"
                id={`soort-${k}`}
                label={t(`kinds.${k}`)}
                hint={t(`kinds_hint.${k}`)}
                checked={answers.seeking.includes(k)}
                onChange={(on) => {
                  answers.seeking = on
                    ? [...answers.seeking, k]
                    : answers.seeking.filter((s) => s !== k);
                  onChange();
                }}
              />
            </li>
          ))}
        </ul>
      </fieldset>
      <Select
        id="zorgprofiel"
        label={t('search.what.profile')}
        hint={t('search.what.profile_hint')}
        value={answers.profile}
        options={[
          { value: '', label: t('search.what.profile_unknown') },
          ...ref_.profiles.map((p) => ({ value: p.code, label: `${p.code}: ${p.name_nl}` })),
        ]}
        onChange={(v) => {
          answers.profile = v;
          onChange();
        }}
      />
    </>
  );
}

function DomainStep({
  domain,
  ref_,
  onChange,
}: {
  domain: string;
  ref_: Ref;
  onChange: () => void;
}) {
  const list = ref_.features.filter((f) => f.domain === domain);
  return (
    <>
      <fieldset class="utrecht-form-fieldset">
        <legend>{t('search.domain.legend')}</legend>
        <ul class="choice-list">
          {list.map((f) => {
            const chosen = answers.wishes[f.id];
            return (
              <li key={f.id}>
                <Choice
                  type="checkbox"
                  id={`wens-${f.id}`}
                  label={featureLabel(f)}
                  checked={!!chosen}
                  onChange={(on) => {
                    if (on)
                      answers.wishes[f.id] = {
                        importance: 'important',
                        value: firstValue(f),
                      };
                    else delete answers.wishes[f.id];
                    onChange();
                  }}
                />
                {chosen && <WishFields id={f.id} wish={chosen} feature={f} label={featureLabel(f)} onChange={onChange} />}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`eigen-${domain}`}>
          {t('search.domain.own_words')}
        </label>
        <p class="field-hint" id={`eigen-${domain}-hint`}>
          {t('search.domain.own_words_hint')}
        </p>
        <textarea
          id={`eigen-${domain}`}
          class="utrecht-textarea utrecht-textarea--html-textarea"
          aria-describedby={`eigen-${domain}-hint`}
          maxLength={500}
          value={answers.texts[domain] ?? ''}
          onInput={(e) => {
            answers.texts[domain] = (e.target as HTMLTextAreaElement).value;
          }}
        />
      </div>
    </>
  );
}

function PeopleStep({ ref_, onChange }: { ref_: Ref; onChange: () => void }) {
  const add = () => {
    answers.places.push({
      label: '',
      kind: 'familie',
      municipality_code: answers.municipality_code,
      max_km: 10,
      importance: 'important',
    });
    onChange();
    requestAnimationFrame(() =>
      document.getElementById(`plek-${answers.places.length - 1}-wie`)?.focus(),
    );
  };
  return (
    <>
      {answers.places.map((p, i) => (
        <PlaceFields
          key={i}
          i={i}
          place={p}
          where={{
            value: p.municipality_code,
            options: ref_.municipalities.map((m) => ({ value: m.code, label: m.name })),
            onChange: (v) => {
              p.municipality_code = v;
              onChange();
            },
          }}
          onChange={onChange}
          onRemove={() => {
            answers.places.splice(i, 1);
            onChange();
          }}
        />
      ))}
      {answers.places.length < 3 && (
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={add}>
          {t('search.people.add')}
        </button>
      )}
    </>
  );
}

function Overview({ ref_ }: { ref_: Ref }) {
  const m = byCode(ref_.municipalities).get(answers.municipality_code);
  const profile = ref_.profiles.find((p) => p.code === answers.profile);
  const chosen = ref_.features.filter((f) => answers.wishes[f.id]);
  const texts = Object.values(answers.texts).filter((s) => s.trim());
  // "Wijzig" with what it changes for a screen reader, and a target of 48 px like a button.
  const link = (n: number, what: string) => (
    <a class="utrecht-link change-link" href={`/zoeken?stap=${n}`}>
      {t('search.overview.change')}
      <span class="visually-hidden"> {what}</span>
    </a>
  );
  return (
    <dl class="overview">
      <dt>{t('search.steps.waar.title')}</dt>
      <dd>
        {m ? m.name : t('common.unknown')} {link(1, t('search.steps.waar.title'))}
      </dd>
      <dt>{t('search.what.kinds')}</dt>
      <dd>
        {answers.seeking.length
          ? answers.seeking.map((k) => t(`kinds.${k}`)).join(', ')
          : t('search.overview.kind_default')}{' '}
        {link(2, t('search.what.kinds'))}
      </dd>
      <dt>{t('search.what.profile')}</dt>
      <dd>
        {profile ? `${profile.code}: ${profile.name_nl}` : t('search.what.profile_unknown')}{' '}
        {link(2, t('search.what.profile'))}
      </dd>
      <dt>{t('search.overview.wishes')}</dt>
      <dd>
        {chosen.length === 0 && texts.length === 0 ? (
          t('search.overview.no_wishes')
        ) : (
          <ul class="utrecht-unordered-list">
            {chosen.map((f) => (
              <li key={f.id}>
                {featureLabel(f)} ({t(`importance.${answers.wishes[f.id].importance}`)})
              </li>
            ))}
            {texts.map((s, i) => (
              <li key={`tekst-${i}`}>“{s}”</li>
            ))}
          </ul>
        )}{' '}
        {link(3, t('search.overview.wishes'))}
      </dd>
      <dt>{t('search.steps.mensen.title')}</dt>
      <dd>
        {answers.places.filter((p) => p.label.trim()).length === 0
          ? t('search.overview.no_places')
          : answers.places
              .filter((p) => p.label.trim())
              .map((p) =>
                t('search.overview.place', {
                  who: p.label,
                  km: p.max_km,
                  where: byCode(ref_.municipalities).get(p.municipality_code)?.name ?? '',
                }),
              )
              .join('; ')}{' '}
        {link(STEPS.length - 1, t('search.steps.mensen.title'))}
      </dd>
    </dl>
  );
}
