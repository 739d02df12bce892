import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { BrandForm } from './BrandForm.js';
import { useBrands } from './useBrands.js';

/** Brands (the BPO's clients): list, create, rename, agent MFA policy, data-key rotation. */
export function BrandsPage({ canManage }: { canManage: boolean }) {
  const { brands, error, loading, reload } = useBrands();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const rotate = useAction();

  return (
    <section aria-labelledby="brands-title">
      <h1 id="brands-title">Brands</h1>
      <ErrorNotice error={error ?? rotate.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <table>
        <caption className="sr-only">Brands</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Agent MFA</th>
            <th scope="col">Created</th>
            {canManage && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {brands.map((b) =>
            editing === b.id ? (
              <tr key={b.id}>
                <td colSpan={4}>
                  <BrandForm
                    initial={b}
                    submitLabel="Save"
                    onCancel={() => setEditing(null)}
                    onSubmit={async (v) => {
                      await api.updateBrand(b.id, v);
                      setEditing(null);
                      reload();
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={b.id}>
                <th scope="row">{b.name}</th>
                <td>{b.agentMfaRequired ? 'required' : 'optional'}</td>
                <td>{formatTime(b.createdAt)}</td>
                {canManage && (
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(b.id)} aria-label={`Edit ${b.name}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      disabled={rotate.busy}
                      aria-label={`Rotate the data key of ${b.name}`}
                      onClick={() =>
                        void rotate.run(async () => {
                          const { version } = await api.rotateBrandKey(b.id);
                          setNotice(`${b.name}: new data key version ${version}.`);
                        })
                      }
                    >
                      Rotate key
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
          {!loading && brands.length === 0 && (
            <tr>
              <td colSpan={4}>No brands yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      {canManage && (
        <>
          <h2>New brand</h2>
          <BrandForm
            submitLabel="Create brand"
            onSubmit={async (v) => {
              await api.createBrand(v.name, v.agentMfaRequired);
              reload();
            }}
          />
        </>
      )}
    </section>
  );
}
