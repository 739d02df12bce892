import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useLoad } from '../ui/useLoad.js';
import { BrandSelect } from './BrandSelect.js';
import { InviteUserForm } from './InviteUserForm.js';
import { UserRow } from './UserRow.js';
import { useBrands } from './useBrands.js';

/** Users: who has which role on which brand; invite, change roles, reset MFA, unlock. */
export function UsersPage({ canManage }: { canManage: boolean }) {
  const { brands, error: brandsError } = useBrands();
  const [brandId, setBrandId] = useState('');
  const { data, error, reload } = useLoad(async () => (await api.users(brandId || undefined)).items, [brandId]);
  const users = data ?? [];

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <ErrorNotice error={brandsError ?? error} />
      <BrandSelect brands={brands} value={brandId} onChange={setBrandId} label="Show users of" allLabel="All brands" />
      <table>
        <caption className="sr-only">Users</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Roles</th>
            <th scope="col">MFA</th>
            <th scope="col">Status</th>
            {canManage && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} brands={brands} canManage={canManage} onChanged={reload} />
          ))}
        </tbody>
      </table>
      {canManage && <InviteUserForm brands={brands} onInvited={reload} />}
    </section>
  );
}
