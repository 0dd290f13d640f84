// Which client's dossier a page is about, and the paths of its pages: under /mijn for the
// client or representative (whose clients come from the session; ?client= chooses one),
// under /caseload/{id} for a client supporter.
import { useSession } from '../session';
import { useChosenClient } from './ClientPicker';

export interface DossierTarget {
  id: string | null;
  ids: string[]; // the clients a representative may choose from (empty for a supporter)
  supporter: boolean;
  path: (sub?: string) => string; // '' view, '/wijzigen', '/versies'
  back: string; // the page the dossier hangs under
}

export function useDossierTarget(params: Record<string, string>, query: URLSearchParams): DossierTarget {
  const { me } = useSession();
  const ids = me?.client_ids ?? [];
  const chosen = useChosenClient(ids, query);
  if (params.id) {
    const enc = encodeURIComponent(params.id);
    return {
      id: params.id,
      ids: [],
      supporter: true,
      path: (sub = '') => `/caseload/${enc}/dossier${sub}`,
      back: `/caseload/${enc}`,
    };
  }
  const suffix = chosen && ids.length > 1 ? `?client=${encodeURIComponent(chosen)}` : '';
  return {
    id: chosen,
    ids,
    supporter: false,
    path: (sub = '') => `/mijn/dossier${sub}${suffix}`,
    back: `/mijn${suffix}`,
  };
}

// Adds ?stap=N (or &stap=N) to a dossier path.
export const withStep = (path: string, n: number) => `${path}${path.includes('?') ? '&' : '?'}stap=${n}`;
