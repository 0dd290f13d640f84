// Whether the access log is whole (GET /api/v1/audit/verify): every entry is chained to the
// one before by a keyed hash, so a changed or removed entry breaks the chain from there.
// The newest entry's hash is what the operator writes down elsewhere (docs/access.md).
import { get } from '../api';
import { formatNumber, t } from '../i18n';
import { useAsync } from '../useAsync';
import { Loading } from '../components/Loading';

interface Verify {
  intact: boolean;
  entries: number;
  head_seq: number;
  head_hash: string;
  first_broken_seq: number | null;
  problem: string;
}

export default function AdminAuditLog() {
  const { data, error, reload } = useAsync(() => get<Verify>('/api/v1/audit/verify'), []);
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('admin.audit_title')}</h1>
      <p class="utrecht-paragraph">{t('admin.audit_intro')}</p>
      {!data && <Loading error={error} />}
      {data && (
        <div class={`utrecht-alert utrecht-alert--${data.intact ? 'ok' : 'error'}`} role="status">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="utrecht-paragraph">
                {!data.intact
                  ? t('admin.audit_broken', { seq: data.first_broken_seq ?? '?', problem: data.problem })
                  : data.entries === 0
                    ? t('admin.audit_empty')
                    : t('admin.audit_intact', { count: data.entries, entries: formatNumber(data.entries) })}
              </p>
              {data.intact && data.entries > 0 && (
                <p class="utrecht-paragraph">
                  {t('admin.audit_head')} <code class="hash">{`${data.head_seq}:${data.head_hash}`}</code>
                </p>
              )}
            </div>
          </div>
        </div>
      )}
      <div class="button-row">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={reload}>
          {t('admin.audit_again')}
        </button>
      </div>
    </section>
  );
}
