import { useState } from 'react';
import { BrandSelect } from '../admin/BrandSelect.js';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import type { Me } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useLoad } from '../ui/useLoad.js';
import { BrandTrainingPanel } from './BrandTrainingPanel.js';
import { NewModuleForm } from './NewModuleForm.js';
import { STATUS_LABEL } from './labels.js';

/**
 * Security training: everyone sees their own; supervisors and auditors see their brands' people;
 * security admins add modules, record completions and set what each brand requires.
 */
export function TrainingPage({ me }: { me: Me }) {
  const admin = me.user.isSecurityAdmin;
  const readsOthers = admin || me.user.assignments.some((a) => a.role === 'supervisor' || a.role === 'auditor');
  const mine = useLoad(() => api.userTraining(me.user.id), [me.user.id]);
  const modules = useLoad(async () => (readsOthers ? (await api.trainingModules()).items : []), [readsOthers]);
  const { brands } = useBrands();
  const [brandId, setBrandId] = useState('');
  const current = brandId || brands[0]?.id || '';
  return (
    <section aria-labelledby="training-title">
      <h1 id="training-title">Training</h1>
      <h2>My training</h2>
      <ErrorNotice error={mine.error} />
      <table aria-busy={mine.loading}>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Status</th>
            <th scope="col">Completed</th>
            <th scope="col">Due again</th>
          </tr>
        </thead>
        <tbody>
          {(mine.data?.modules ?? []).map((m) => (
            <tr key={m.moduleId} data-testid="my-training-row">
              <th scope="row">{m.moduleId}</th>
              <td className={m.status === 'expired' || m.status === 'missing' ? 'overdue' : undefined}>{STATUS_LABEL[m.status]}</td>
              <td>{formatTime(m.completedAt)}</td>
              <td>{formatTime(m.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {readsOthers && (
        <>
          <h2>Modules</h2>
          <ErrorNotice error={modules.error} />
          <table aria-busy={modules.loading}>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Title</th>
                <th scope="col">Valid for</th>
              </tr>
            </thead>
            <tbody>
              {(modules.data ?? []).map((m) => (
                <tr key={m.id} data-testid="training-module-row">
                  <th scope="row">{m.id}</th>
                  <td>{m.title}</td>
                  <td>{m.validityMonths} months</td>
                </tr>
              ))}
            </tbody>
          </table>
          {admin && <NewModuleForm onCreated={modules.reload} />}
          <h2>People of a brand</h2>
          <BrandSelect brands={brands} value={current} onChange={setBrandId} />
          {current && <BrandTrainingPanel brandId={current} modules={modules.data ?? []} canManage={admin} />}
        </>
      )}
    </section>
  );
}
