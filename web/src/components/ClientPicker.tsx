// A representative may act for more than one client: choose whose page this is.
import { get } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import type { Client } from '../types';
import { Select } from './Fields';

export function useChosenClient(ids: string[], query: URLSearchParams): string | null {
  const wanted = query.get('client');
  if (wanted && ids.includes(wanted)) return wanted;
  return ids[0] ?? null;
}

export function ClientPicker({ ids, chosen, path }: { ids: string[]; chosen: string; path: string }) {
  const { data } = useAsync(
    () => Promise.all(ids.map((id) => get<Client>(`/api/v1/clients/${encodeURIComponent(id)}`))),
    [ids.join(',')],
  );
  if (ids.length < 2) return null;
  return (
    <Select
      id="kies-client"
      label={t('mine.choose_client')}
      value={chosen}
      options={ids.map((id) => ({ value: id, label: data?.find((c) => c.id === id)?.name ?? id }))}
      onChange={(v) => navigate(`${path}?client=${encodeURIComponent(v)}`, true)}
    />
  );
}
