// The register the care office keeps (GET /api/v1/register): providers submitted, approved
// and suspended. Only approved providers are public and offered by the matching; the care
// office approves a submitted provider, suspends one with a reason (a confirmation step),
// or approves a suspended one again (PUT /api/v1/providers/{id}/register-status).
import { useState } from 'preact/hooks';
import { api, getAll } from '../api';
import { t } from '../i18n';
import type { Provider } from '../types';
import { useAsync } from '../useAsync';
import { RadioGroup } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

const STATUSES = ['submitted', 'approved', 'suspended'] as const;

export default function ProviderRegister() {
  const [status, setStatus] = useState<string>('submitted');
  const { data, error, reload } = useAsync(
    () => getAll<Provider>(`/api/v1/register?status=${status}&limit=500`),
    [status],
  );
  const [suspending, setSuspending] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  const decide = async (p: Provider, next: 'approved' | 'suspended') => {
    if (next === 'suspended' && !reason.trim()) {
      setReasonMissing(true);
      document.getElementById(`reden-${p.id}`)?.focus();
      return;
    }
    setFailed(null);
    try {
      await api('PUT', `/api/v1/providers/${encodeURIComponent(p.id)}/register-status`, {
        status: next,
        ...(next === 'suspended' ? { reason: reason.trim() } : {}),
      });
      setDone(t(next === 'approved' ? 'preg.approved_done' : 'preg.suspended_done', { name: p.name }));
      setSuspending(null);
      setReason('');
      reload();
    } catch (e) {
      setFailed(e);
    }
  };

  return (
    <section>
      <h1 class="utrecht-heading-1">{t('preg.title')}</h1>
      <p class="utrecht-paragraph">{t('preg.intro')}</p>
      <p>
        <a class="utrecht-link" href="/zorgkantoor/register/aanmelden">
          {t('preg.submit_link')}
        </a>
      </p>
      <RadioGroup
        id="register-status"
        label={t('preg.show')}
        value={status}
        options={STATUSES.map((s) => ({ value: s, label: t(`preg.status.${s}`) }))}
        onChange={(v) => {
          setStatus(v);
          setDone(null);
          setSuspending(null);
        }}
      />
      <p role="status" class="saved-status">
        {done}
      </p>
      {failed !== null && <Problem error={failed} />}
      {!data && <Loading error={error} />}
      {data && data.length === 0 && <p class="utrecht-paragraph">{t('preg.none')}</p>}
      {data && data.length > 0 && (
        <ul class="register-list">
          {data.map((p) => (
            <li key={p.id} class="register-item">
              <h2 class="utrecht-heading-3">{p.name}</h2>
              <p class="muted">
                {[p.agb_code && `AGB ${p.agb_code}`, p.kvk_number && `KvK ${p.kvk_number}`, p.ura_number && `URA ${p.ura_number}`]
                  .filter(Boolean)
                  .join(' · ') || t('preg.no_numbers')}
                {p.established === false && ` · ${t('preg.new_small')}`}
              </p>
              {p.website && <p class="muted">{t('preg.website', { url: p.website })}</p>}
              {p.register_status !== 'approved' && (
                <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void decide(p, 'approved')}>
                  {t(p.register_status === 'suspended' ? 'preg.approve_again' : 'preg.approve', { name: p.name })}
                </button>
              )}
              {p.register_status === 'approved' && (
                <p>
                  <a class="utrecht-link" href={`/zorgkantoor/aanbod/nieuw?aanbieder=${encodeURIComponent(p.id)}`}>
                    {t('newoffer.link_for', { name: p.name })}
                  </a>
                </p>
              )}
              {p.register_status === 'approved' && suspending !== p.id && (
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action"
                  onClick={() => {
                    setSuspending(p.id);
                    setReason('');
                    setReasonMissing(false);
                    requestAnimationFrame(() => document.getElementById(`reden-${p.id}`)?.focus());
                  }}
                >
                  {t('preg.suspend', { name: p.name })}
                </button>
              )}
              {suspending === p.id && (
                <div class="confirm">
                  <div class={`utrecht-form-field${reasonMissing ? ' utrecht-form-field--invalid' : ''}`}>
                    <label class="utrecht-form-label" for={`reden-${p.id}`}>
                      {t('preg.reason')}
                    </label>
                    <p class="field-hint" id={`reden-${p.id}-hint`}>
                      {t('preg.reason_hint')}
                    </p>
                    {reasonMissing && (
                      <p class="utrecht-form-field-error-message" id={`reden-${p.id}-error`}>
                        {t('preg.reason_missing')}
                      </p>
                    )}
                    <input
                      id={`reden-${p.id}`}
                      class="utrecht-textbox utrecht-textbox--html-input"
                      type="text"
                      maxLength={500}
                      aria-describedby={reasonMissing ? `reden-${p.id}-hint reden-${p.id}-error` : `reden-${p.id}-hint`}
                      aria-invalid={reasonMissing ? true : undefined}
                      value={reason}
                      onInput={(e) => {
                        setReason((e.target as HTMLInputElement).value);
                        setReasonMissing(false);
                      }}
                    />
                  </div>
                  <div class="button-row">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setSuspending(null)}>
                      {t('preg.cancel')}
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void decide(p, 'suspended')}>
                      {t('preg.suspend_yes')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
