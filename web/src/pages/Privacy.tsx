// My privacy: who may see my dossier (consent per organisation: give and withdraw) and who
// looked at it (the access log, in plain words with names rather than ids).
import { useState } from 'preact/hooks';
import { del, get, post } from '../api';
import { formatDate, formatDateTime, t } from '../i18n';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import type { AuditEntry, Consent, Organisation } from '../types';
import { useAsync } from '../useAsync';
import { ClientPicker, useChosenClient } from '../components/ClientPicker';
import { Choice } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

const PURPOSES = ['care_delivery', 'client_support', 'registration', 'indication', 'research'] as const;
// Organisations a client can give consent to (not the platform's own administrators or
// researchers, who never see one person's dossier).
const CONSENTABLE = new Set(['oco', 'wijkteam', 'ciz', 'zorgkantoor', 'provider']);

export default function Privacy({ query }: PageProps) {
  const { me } = useSession();
  const ids = me?.client_ids ?? [];
  const id = useChosenClient(ids, query);
  const orgs = useAsync(
    () => get<{ items: Organisation[] }>('/api/v1/organisations').then((r) => r.items),
    [],
  );
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('privacy.title')}</h1>
      <p class="utrecht-paragraph">{t('privacy.intro')}</p>
      {id && <ClientPicker ids={ids} chosen={id} path="/mijn/privacy" />}
      {!id && <p class="utrecht-paragraph">{t('mine.no_client')}</p>}
      {id && !orgs.data && <Loading error={orgs.error} />}
      {id && orgs.data && (
        <>
          <Consents clientId={id} orgs={orgs.data} />
          <AccessLog clientId={id} orgs={orgs.data} />
          <DataExport clientId={id} />
        </>
      )}
    </section>
  );
}

// The AVG's right of access and to take one's data along: everything Passend keeps about the
// client as one file (GET /api/v1/clients/{id}/export: the dossier with every version, the
// accounts, the consents, the access log). Erasure is the administrator's (docs/access.md).
function DataExport({ clientId }: { clientId: string }) {
  return (
    <section aria-labelledby="meenemen-titel">
      <h2 class="utrecht-heading-2" id="meenemen-titel">
        {t('privacy.export_title')}
      </h2>
      <p class="utrecht-paragraph">{t('privacy.export_intro')}</p>
      <p>
        <a
          class="utrecht-button-link utrecht-button-link--secondary-action"
          href={`/api/v1/clients/${encodeURIComponent(clientId)}/export`}
          download={`passend-${clientId}.json`}
        >
          {t('privacy.export_download')}
        </a>
      </p>
      <p class="utrecht-paragraph">{t('privacy.erase')}</p>
    </section>
  );
}

function orgName(orgs: Organisation[], id: string): string {
  return orgs.find((o) => o.id === id)?.name ?? t('privacy.unknown_org');
}

function Consents({ clientId, orgs }: { clientId: string; orgs: Organisation[] }) {
  const base = `/api/v1/clients/${encodeURIComponent(clientId)}/consents`;
  const list = useAsync(() => get<{ items: Consent[] }>(base).then((r) => r.items), [clientId]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const withdraw = async (c: Consent) => {
    setError(null);
    try {
      await del(`${base}/${encodeURIComponent(c.id)}`);
      setConfirming(null);
      setMessage(t('privacy.withdrawn'));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="toestemming-titel">
      <h2 class="utrecht-heading-2" id="toestemming-titel">
        {t('privacy.consents_title')}
      </h2>
      <p class="utrecht-paragraph">{t('privacy.consents_intro')}</p>
      <p role="status" class="status-message">
        {message}
      </p>
      {error !== null && <Problem error={error} />}
      {!list.data && <Loading error={list.error} />}
      {list.data && list.data.length === 0 && (
        <p class="utrecht-paragraph">{t('privacy.no_consents')}</p>
      )}
      {list.data && list.data.length > 0 && (
        <ul class="consent-list">
          {list.data.map((c) => (
            <li key={c.id} class="consent">
              <p class="utrecht-paragraph">
                <strong>{c.organisation_ids.map((o) => orgName(orgs, o)).join(', ')}</strong>
              </p>
              <p class="utrecht-paragraph">
                {t(`privacy.purpose.${c.purpose}`)}.{' '}
                {t('privacy.given_on', { date: formatDate(c.granted_at) })}
                {c.valid_until && ` ${t('privacy.until', { date: formatDate(c.valid_until) })}`}
              </p>
              <p class={`utrecht-paragraph ${c.valid_now ? 'ok' : 'muted'}`}>
                {c.withdrawn_at
                  ? t('privacy.state_withdrawn', { date: formatDate(c.withdrawn_at) })
                  : c.valid_now
                    ? t('privacy.state_valid')
                    : t('privacy.state_expired')}
              </p>
              {c.valid_now && confirming !== c.id && (
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action"
                  onClick={() => setConfirming(c.id)}
                >
                  {t('privacy.withdraw')}
                </button>
              )}
              {confirming === c.id && (
                <div class="confirm" role="group" aria-label={t('privacy.confirm_label')}>
                  <p class="utrecht-paragraph">{t('privacy.confirm')}</p>
                  <div class="button-row">
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--primary-action"
                      onClick={() => void withdraw(c)}
                    >
                      {t('privacy.confirm_yes')}
                    </button>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      onClick={() => setConfirming(null)}
                    >
                      {t('privacy.confirm_no')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <GiveConsent
        base={base}
        orgs={orgs}
        onGiven={() => {
          setMessage(t('privacy.given'));
          list.reload();
        }}
      />
    </section>
  );
}

function GiveConsent({
  base,
  orgs,
  onGiven,
}: {
  base: string;
  orgs: Organisation[];
  onGiven: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [purpose, setPurpose] = useState<string>('care_delivery');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    try {
      const body: Record<string, unknown> = { organisation_ids: chosen, purpose };
      if (until) body.valid_until = until;
      await post<Consent>(base, body);
      setChosen([]);
      setUntil('');
      setMissing(false);
      onGiven();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="utrecht-form give-consent" onSubmit={submit} noValidate>
      <h3 class="utrecht-heading-3">{t('privacy.give_title')}</h3>
      {error !== null && <Problem error={error} />}
      <fieldset class="utrecht-form-fieldset" aria-describedby={missing ? 'org-fout' : undefined}>
        <legend>{t('privacy.which_orgs')}</legend>
        {missing && (
          <p class="utrecht-form-field-error-message" id="org-fout">
            {t('privacy.choose_org')}
          </p>
        )}
        {orgs
          .filter((o) => CONSENTABLE.has(o.kind))
          .map((o) => (
            <Choice
              key={o.id}
              type="checkbox"
              id={`org-${o.id}`}
              label={o.name}
              checked={chosen.includes(o.id)}
              onChange={(on) => {
                setMissing(false);
                setChosen((cur) => (on ? [...cur, o.id] : cur.filter((x) => x !== o.id)));
              }}
            />
          ))}
      </fieldset>
      <fieldset class="utrecht-form-fieldset">
        <legend>{t('privacy.what_for')}</legend>
        {PURPOSES.map((p) => (
          <Choice
            key={p}
            type="radio"
            name="doel"
            id={`doel-${p}`}
            label={t(`privacy.purpose.${p}`)}
            checked={purpose === p}
            onChange={(on) => on && setPurpose(p)}
          />
        ))}
      </fieldset>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="tot">
          {t('privacy.until_label')}
        </label>
        <p class="field-hint" id="tot-hint">
          {t('privacy.until_hint')}
        </p>
        <input
          id="tot"
          type="date"
          class="utrecht-textbox utrecht-textbox--html-input short-date"
          aria-describedby="tot-hint"
          value={until}
          onInput={(e) => setUntil((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="utrecht-button utrecht-button--primary-action big">
        {t('privacy.give')}
      </button>
    </form>
  );
}

const ROLE_WORDS = new Set([
  'client',
  'representative',
  'oco',
  'wijkteam',
  'ciz',
  'zorgkantoor',
  'provider',
  'researcher',
  'admin',
]);

export function describeEntry(e: AuditEntry, orgs: Organisation[], selfId: string | undefined): string {
  const who =
    e.user_id === selfId
      ? t('privacy.log.you')
      : e.organisation_id
        ? t('privacy.log.someone_of', {
            // "medewerker", not "medewerker van het CIZ": the organisation's name follows.
            role: t(`privacy.log.staff.${ROLE_WORDS.has(e.role) ? e.role : 'admin'}`),
            org: orgName(orgs, e.organisation_id),
          })
        : t(`roles_self.${e.role === 'representative' ? 'representative' : 'client'}`);
  const action = t(`privacy.log.action.${e.action}`, { defaultValue: t('privacy.log.action.other') });
  // A list of clients (action list) shows names and places, not the dossier.
  const what =
    e.action === 'list'
      ? t('privacy.log.resource.list')
      : t(`privacy.log.resource.${e.resource}`, { defaultValue: t('privacy.log.resource.other') });
  if (e.outcome === 'denied') return t('privacy.log.denied', { who, what });
  return t('privacy.log.line', { who, action, what });
}

function AccessLog({ clientId, orgs }: { clientId: string; orgs: Organisation[] }) {
  const { me } = useSession();
  const [pages, setPages] = useState<AuditEntry[][]>([]);
  const [more, setMore] = useState<number | null>(null);
  const base = `/api/v1/clients/${encodeURIComponent(clientId)}/access-log?limit=20`;
  const first = useAsync(async () => {
    const r = await get<{ items: AuditEntry[]; next_before: number | null }>(base);
    setPages([r.items]);
    setMore(r.next_before);
    return r;
  }, [clientId]);
  const [error, setError] = useState<unknown>(null);
  const loadMore = async () => {
    if (more === null) return;
    try {
      const r = await get<{ items: AuditEntry[]; next_before: number | null }>(`${base}&before=${more}`);
      setPages((p) => [...p, r.items]);
      setMore(r.next_before);
    } catch (e) {
      setError(e);
    }
  };
  // The same look in the same minute (a page reads the dossier, the options and the consents
  // at once) is one line with how often, so the log says who looked rather than repeating it.
  const lines: { seq: number; when: string; what: string; why: string; times: number }[] = [];
  for (const e of pages.flat()) {
    const when = formatDateTime(e.ts);
    const what = describeEntry(e, orgs, me?.user_id);
    const why = e.reason && e.action !== 'list' && e.outcome !== 'denied' ? reasonInWords(e.reason) : '';
    const last = lines[lines.length - 1];
    if (last && last.when === when && last.what === what && last.why === why) last.times++;
    else lines.push({ seq: e.seq, when, what, why, times: 1 });
  }
  return (
    <section aria-labelledby="log-titel">
      <h2 class="utrecht-heading-2" id="log-titel">
        {t('privacy.log_title')}
      </h2>
      <p class="utrecht-paragraph">{t('privacy.log_intro')}</p>
      {!first.data && <Loading error={first.error} />}
      {error !== null && <Problem error={error} />}
      {first.data && (
        <ul class="access-log">
          {lines.map((l) => (
            <li key={l.seq}>
              <strong>{l.when}</strong>: {l.what}
              {l.times > 1 && ` ${t('privacy.log_times', { count: l.times })}`}
              {l.why && <span class="muted"> ({l.why})</span>}
            </li>
          ))}
        </ul>
      )}
      {more !== null && (
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          onClick={() => void loadMore()}
        >
          {t('privacy.log_more')}
        </button>
      )}
    </section>
  );
}

// Why someone could look, in words: the access log's reason (access/permissions.cc) without
// the consent's id or the purpose's code. A reason of another form is shown as it is.
export function reasonInWords(reason: string): string {
  const consent = /^toestemming \S+ \((\w+)\)$/.exec(reason);
  if (consent)
    return t('privacy.why.consent', {
      purpose: t(`privacy.purpose.${consent[1]}`, { defaultValue: consent[1] }).toLowerCase(),
    });
  if (/^zorgkantoorregio \S+$/.test(reason)) return t('privacy.why.region');
  const emergency = /^noodtoegang: (.*)$/.exec(reason);
  if (emergency) return t('privacy.why.emergency', { reason: emergency[1] });
  const fixed: Record<string, string> = {
    'eigen gegevens': 'privacy.why.own',
    vertegenwoordiging: 'privacy.why.representative',
    'eigen zorgaanbieder': 'privacy.why.provider',
  };
  return fixed[reason] ? t(fixed[reason]) : t('privacy.log.reason', { reason });
}

