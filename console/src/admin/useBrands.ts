import { api } from '../api.js';
import { useLoad } from '../ui/useLoad.js';

/** The brands the signed-in person can see (the server scopes the list). */
export function useBrands() {
  const { data, error, loading, reload } = useLoad(async () => (await api.brands()).items, []);
  return { brands: data ?? [], error, loading, reload };
}
