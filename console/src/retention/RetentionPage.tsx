import { useState } from 'react';
import { BrandSelect } from '../admin/BrandSelect.js';
import { useBrands } from '../admin/useBrands.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { HoldsPanel } from './HoldsPanel.js';
import { PoliciesPanel } from './PoliciesPanel.js';
import { RunsPanel } from './RunsPanel.js';

/** Retention: days per data class for a brand, its legal holds, and the purge runs with their reports. */
export function RetentionPage({ canManage }: { canManage: boolean }) {
  const { brands, error } = useBrands();
  const [brandId, setBrandId] = useState('');
  const chosen = brandId || brands[0]?.id || '';
  return (
    <section aria-labelledby="retention-title">
      <h1 id="retention-title">Retention</h1>
      <p className="hint">How long each brand keeps each kind of data, what legal holds suspend, and what the purges did.</p>
      <ErrorNotice error={error} />
      <BrandSelect brands={brands} value={chosen} onChange={setBrandId} />
      {chosen && <PoliciesPanel key={`p-${chosen}`} brandId={chosen} canManage={canManage} />}
      {chosen && <HoldsPanel key={`h-${chosen}`} brandId={chosen} canManage={canManage} />}
      <RunsPanel brands={brands} canManage={canManage} />
    </section>
  );
}
