// Which client's dossier a page is about, and the paths of its pages: under /mijn for the
// client or representative (whose clients come from the session; ?client= chooses one),
// under /caseload/{id} for a client supporter, under /clienten/{id} (read only) for the CIZ
// and the care office.
import { useSession } from '../session';
import { useChosenClient } from './ClientPicker';

export interface DossierTarget {
  id: string | null;
  ids: string[]; // the clients a representative may choose from (empty for a supporter)
  supporter: boolean; // a professional's view (not the client's own)
  readOnly: boolean; // the CIZ and the care office read a dossier, they do not change it
  path: (sub?: string) => string; // '' view, '/wijzigen', '/versies'
  back: string; // the page the dossier hangs under
}

export function useDossierTarget(params: Record<string, string>, query: URLSearchParams): DossierTarget {
  const { me } = useSession();
  const ids = me?.client_ids ?? [];
  const chosen = useChosenClient(ids, query);
  if (params.id && (me?.role === 'ciz' || me?.role === 'zorgkantoor')) {
    const enc = encodeURIComponent(params.id);
    return {
      id: params.id,
      ids: [],
      supporter: true,
      readOnly: true,
      path: (sub = '') => `/clienten/${enc}${sub}`,
      back: '/clienten',
    };
  }
  if (params.id) {
    const enc = encodeURIComponent(params.id);
    return {
      readOnly: false,
      id: params.id,
      ids: [],
      supporter: true,
      path: (sub = '') => `/caseload/${enc}/dossier${sub}`,
      back: `/caseload/${enc}`,
    };
  }
  const suffix = chosen && ids.length > 1 ? `?client=${encodeURIComponent(chosen)}` : '';
  return {
    readOnly: false,
    id: chosen,
    ids,
    supporter: false,
    path: (sub = '') => `/mijn/dossier${sub}${suffix}`,
    back: `/mijn${suffix}`,
  };
}

// Adds ?stap=N (or &stap=N) to a dossier path.
export const withStep = (path: string, n: number) => `${path}${path.includes('?') ? '&' : '?'}stap=${n}`;
