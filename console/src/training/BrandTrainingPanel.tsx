import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { TrainingModule } from '../types.js';
import { Checkbox } from '../ui/Checkbox.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { RecordCompletionForm } from './RecordCompletionForm.js';
import { STATUS_LABEL } from './labels.js';

/** One brand: coverage, each person's status per module, the brand's required modules (admins edit them). */
export function BrandTrainingPanel({ brandId, modules, canManage }: { brandId: string; modules: TrainingModule[]; canManage: boolean }) {
  const report = useLoad(() => api.brandTraining(brandId), [brandId]);
  // Names where the person may list the brand's users (auditors see ids only).
  const names = useLoad(async () => new Map((await api.users(brandId).catch(() => ({ items: [] }))).items.map((u) => [u.id, u.displayName])), [brandId]);
  const [required, setRequired] = useState<string[]>([]);
  const action = useAction();
  useEffect(() => setRequired(report.data?.requiredModules ?? []), [report.data]);
  const data = report.data;
  return (
    <div className="panel">
      <ErrorNotice error={report.error ?? action.error} />
      {data && (
        <>
          <p data-testid="training-coverage">
            Coverage: {data.coveragePercent}% of {data.people.length} people {data.requiredModules.length > 0 ? `hold every required module (${data.requiredModules.join(', ')})` : 'hold every module (no module is required)'}.
          </p>
          {canManage && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void action.run(async () => {
                  await api.setTrainingRequirements(brandId, required);
                  report.reload();
                });
              }}
            >
              <fieldset>
                <legend>Required before anyone is assigned to this brand</legend>
                {modules.map((m) => (
                  <Checkbox key={m.id} label={m.title} checked={required.includes(m.id)} onChange={(on) => setRequired(on ? [...required, m.id] : required.filter((x) => x !== m.id))} />
                ))}
              </fieldset>
              <button type="submit" disabled={action.busy}>
                Save requirements
              </button>
            </form>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                {modules.map((m) => (
                  <th key={m.id} scope="col">
                    {m.id}
                    {data.requiredModules.includes(m.id) ? ' (required)' : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.people.map((p) => (
                <tr key={p.userId} data-testid="training-person-row">
                  <th scope="row">{names.data?.get(p.userId) ?? p.userId}</th>
                  <td>{p.role}</td>
                  {modules.map((m) => {
                    const s = p.modules.find((x) => x.moduleId === m.id)?.status ?? 'missing';
                    return (
                      <td key={m.id} className={s === 'expired' || s === 'missing' ? 'overdue' : undefined}>
                        {STATUS_LABEL[s]}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {canManage && <RecordCompletionForm people={data.people.map((p) => ({ id: p.userId, label: names.data?.get(p.userId) ?? p.userId }))} modules={modules} onRecorded={report.reload} />}
        </>
      )}
    </div>
  );
}
