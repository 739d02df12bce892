import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { BrandSelect } from './BrandSelect.js';
import { CreateApiKeyForm } from './CreateApiKeyForm.js';
import { useBrands } from './useBrands.js';

/** API keys of one brand: scopes, expiry, last use; create and revoke. */
export function ApiKeysPage() {
  const { brands, error: brandsError } = useBrands();
  const [brandId, setBrandId] = useState('');
  useEffect(() => {
    if (!brandId && brands[0]) setBrandId(brands[0].id);
  }, [brands, brandId]);
  const { data, error, reload } = useLoad(async () => (brandId ? (await api.apiKeys(brandId)).items : []), [brandId]);
  const revoke = useAction();
  const keys = data ?? [];

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <ErrorNotice error={brandsError ?? error ?? revoke.error} />
      <BrandSelect brands={brands} value={brandId} onChange={setBrandId} />
      <table>
        <caption className="sr-only">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Scopes</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid="api-key-row" data-name={k.name}>
              <th scope="row">{k.name}</th>
              <td>
                <code>{k.prefix}</code>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>{formatTime(k.expiresAt)}</td>
              <td>{formatTime(k.lastUsedAt)}</td>
              <td className="actions">
                {k.revokedAt ? (
                  <span>revoked {formatTime(k.revokedAt)}</span>
                ) : (
                  <>
                    <span>active </span>
                    <button
                      type="button"
                      className="danger"
                      disabled={revoke.busy}
                      aria-label={`Revoke ${k.name}`}
                      onClick={() =>
                        void revoke.run(async () => {
                          await api.revokeApiKey(k.id);
                          reload();
                        })
                      }
                    >
                      Revoke
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
          {keys.length === 0 && (
            <tr>
              <td colSpan={6}>No API keys for this brand.</td>
            </tr>
          )}
        </tbody>
      </table>
      <CreateApiKeyForm brandId={brandId} onCreated={reload} />
    </section>
  );
}
