// The administrator's accounts page (GET /api/v1/users): who may log in, for which
// organisation and in what role; an account is blocked (a confirmation step; its sessions
// and API keys end at once) or let in again (PATCH /api/v1/users/{id} with `active`).
import { useState } from 'preact/hooks';
import { api, getAll } from '../api';
import { t } from '../i18n';
import type { Organisation, User } from '../types';
import { useAsync } from '../useAsync';
import { TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

export default function AdminUsers() {
  const { data, error, reload } = useAsync(async () => {
    const [users, orgs] = await Promise.all([
      getAll<User>('/api/v1/users?limit=500'),
      getAll<Organisation>('/api/v1/organisations'),
    ]);
    return { users, orgs: new Map(orgs.map((o) => [o.id, o.name])) };
  }, []);
  const [filter, setFilter] = useState('');
  const [blocking, setBlocking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  const setActive = async (u: User, active: boolean) => {
    setFailed(null);
    try {
      await api('PATCH', `/api/v1/users/${encodeURIComponent(u.id)}`, { active });
      setDone(t(active ? 'admin.unblocked' : 'admin.blocked', { name: u.display_name }));
      setBlocking(null);
      reload();
    } catch (e) {
      setFailed(e);
    }
  };

  const words = filter.trim().toLowerCase();
  const shown = (data?.users ?? []).filter(
    (u) =>
      !words ||
      `${u.display_name} ${u.email} ${data?.orgs.get(u.organisation_id) ?? ''}`.toLowerCase().includes(words),
  );
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('admin.users_title')}</h1>
      <p class="utrecht-paragraph">{t('admin.users_intro')}</p>
      <p>
        <a class="utrecht-link" href="/beheer/gebruikers/nieuw">
          {t('admin.new_user_link')}
        </a>
      </p>
      <p role="status" class="saved-status">
        {done}
      </p>
      {failed !== null && <Problem error={failed} />}
      {!data && <Loading error={error} />}
      {data && (
        <>
          <TextField id="beheer-zoek" label={t('admin.filter')} hint={t('admin.filter_hint')} value={filter} onInput={setFilter} />
          <p class="muted">{t('admin.count', { count: shown.length })}</p>
          <ul class="register-list">
            {shown.map((u) => (
              <li key={u.id} class="register-item">
                <h2 class="utrecht-heading-3">
                  {u.display_name}
                  {!u.active && <span class="badge-outdated">{t('admin.is_blocked')}</span>}
                </h2>
                <p class="muted">
                  {[u.email, t(`roles.${u.role}`), data.orgs.get(u.organisation_id) ?? (u.client_ids.length ? t('admin.own_dossier') : '')]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {!u.active && (
                  <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void setActive(u, true)}>
                    {t('admin.unblock', { name: u.display_name })}
                  </button>
                )}
                {u.active && blocking !== u.id && (
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    onClick={() => {
                      setBlocking(u.id);
                      setDone(null);
                    }}
                  >
                    {t('admin.block', { name: u.display_name })}
                  </button>
                )}
                {blocking === u.id && (
                  <div class="confirm">
                    <p class="utrecht-paragraph">{t('admin.block_confirm', { name: u.display_name })}</p>
                    <div class="button-row">
                      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setBlocking(null)}>
                        {t('admin.block_cancel')}
                      </button>
                      <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void setActive(u, false)}>
                        {t('admin.block_yes')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
