import { useEffect, useState } from 'react';
import { ENTITY_TYPES } from '../../../src/redaction/types.js';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import type { ReviewPart } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';

type OperatorKind = 'replace' | 'mask' | 'hash' | 'remove';
interface TypeRow {
  redact: boolean;
  operator: OperatorKind;
  keepLast: number;
  minScore: number;
}
type Draft = Record<string, TypeRow>;

const DEFAULT_ROW: TypeRow = { redact: true, operator: 'replace', keepLast: 4, minScore: 0.3 };
const SAMPLE = 'Hi, this is Maria Gonzalez. My card is 4111 1111 1111 1111, expiring oh nine twenty seven, and my email is maria dot g at example dot com.';

/** The engine's policy JSON from the table rows (only what differs from the defaults). */
function toPolicy(draft: Draft): Record<string, unknown> {
  const types: Record<string, unknown> = {};
  for (const [type, r] of Object.entries(draft)) {
    const operator = r.operator === 'mask' ? { kind: 'mask', keepLast: r.keepLast } : { kind: r.operator };
    types[type] = { redact: r.redact, minScore: r.minScore, operator };
  }
  return { version: 1, types };
}

function fromPolicy(policy: Record<string, unknown>): Draft {
  const types = (policy.types ?? {}) as Record<string, { redact?: boolean; minScore?: number; operator?: { kind?: string; keepLast?: number } }>;
  const draft: Draft = {};
  for (const type of ENTITY_TYPES) {
    const t = types[type] ?? {};
    const kind = (['replace', 'mask', 'hash', 'remove'] as const).find((k) => k === t.operator?.kind) ?? 'replace';
    draft[type] = { redact: t.redact ?? true, operator: kind, keepLast: t.operator?.keepLast ?? 4, minScore: t.minScore ?? 0.3 };
  }
  return draft;
}

/** A brand's redaction policy: per type on/off, operator and minimum score; originals kept; audio; live preview. */
export function PolicyPage({ canEdit }: { canEdit: boolean }) {
  const { brands, error: brandsError } = useBrands();
  const [brandId, setBrandId] = useState('');
  const chosen = brandId || brands[0]?.id || '';
  const { data: saved, error, reload } = useLoad(async () => (chosen ? api.redactionSettings(chosen) : null), [chosen]);
  const [draft, setDraft] = useState<Draft>(() => fromPolicy({}));
  const [keepDays, setKeepDays] = useState('');
  const [audioMode, setAudioMode] = useState<'silence' | 'tone'>('silence');
  const [maskDtmf, setMaskDtmf] = useState(true);
  const [sample, setSample] = useState(SAMPLE);
  const [preview, setPreview] = useState<{ parts: ReviewPart[]; counts: Record<string, number> } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const save = useAction();

  useEffect(() => {
    if (!saved) return;
    setDraft(fromPolicy(saved.policy));
    setKeepDays(saved.keepOriginalDays === null ? '' : String(saved.keepOriginalDays));
    setAudioMode(saved.audioMode);
    setMaskDtmf(saved.maskDtmf);
  }, [saved]);

  // Live preview: the draft policy on the pasted text, shortly after the last keystroke.
  useEffect(() => {
    if (!chosen) return;
    const timer = setTimeout(() => {
      api.previewRedaction(chosen, sample, toPolicy(draft)).then(
        (p) => {
          setPreview(p);
          setPreviewError(null);
        },
        (e: unknown) => setPreviewError(e),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [chosen, sample, draft]);

  const setRow = (type: string, patch: Partial<TypeRow>) => setDraft({ ...draft, [type]: { ...(draft[type] ?? DEFAULT_ROW), ...patch } });

  return (
    <section aria-labelledby="policy-title">
      <h1 id="policy-title">Redaction policy</h1>
      <ErrorNotice error={brandsError ?? error ?? save.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="field">
        <label htmlFor="policy-brand">Brand</label>
        <select id="policy-brand" value={chosen} onChange={(e) => setBrandId(e.target.value)}>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        {saved && <small className="hint">Version {saved.version}{saved.version === 0 ? ' (defaults: every type replaced by its name)' : ''}</small>}
      </div>
      <div className="policy-grid">
        <table>
          <caption className="sr-only">Entity types</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Redact</th>
              <th scope="col">How</th>
              <th scope="col">Min. score</th>
            </tr>
          </thead>
          <tbody>
            {ENTITY_TYPES.map((type) => {
              const r = draft[type] ?? DEFAULT_ROW;
              return (
                <tr key={type}>
                  <th scope="row">{type}</th>
                  <td>
                    <input type="checkbox" aria-label={`Redact ${type}`} checked={r.redact} disabled={!canEdit} onChange={(e) => setRow(type, { redact: e.target.checked })} />
                  </td>
                  <td>
                    <select aria-label={`Operator for ${type}`} value={r.operator} disabled={!canEdit || !r.redact} onChange={(e) => setRow(type, { operator: e.target.value as OperatorKind })}>
                      <option value="replace">[{type}]</option>
                      <option value="mask">mask, keep last</option>
                      <option value="hash">keyed hash</option>
                      <option value="remove">remove</option>
                    </select>
                    {r.operator === 'mask' && (
                      <input type="number" aria-label={`Characters kept for ${type}`} min={0} max={type === 'CREDIT_CARD' ? 4 : 8} value={r.keepLast} disabled={!canEdit} onChange={(e) => setRow(type, { keepLast: Number(e.target.value) })} className="narrow" />
                    )}
                  </td>
                  <td>
                    <input type="number" aria-label={`Minimum score for ${type}`} min={0} max={1} step={0.05} value={r.minScore} disabled={!canEdit} onChange={(e) => setRow(type, { minScore: Number(e.target.value) })} className="narrow" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="preview">
          <div className="field">
            <label htmlFor="preview-text">Try it: paste text</label>
            <textarea id="preview-text" rows={6} value={sample} onChange={(e) => setSample(e.target.value)} />
            <small className="hint">Previewed with the policy as edited here; nothing is stored.</small>
          </div>
          <ErrorNotice error={previewError} />
          <p className="preview-out" data-testid="preview" aria-live="polite">
            {preview?.parts.map((p, i) => (p.redacted ? <mark key={i} className="redaction" title={p.redacted}>{p.text || p.redacted}</mark> : <span key={i}>{p.text}</span>))}
          </p>
        </div>
      </div>
      <fieldset>
        <legend>Originals and recordings</legend>
        <div className="field">
          <label htmlFor="keep-days">Keep the original (encrypted) for days</label>
          <input id="keep-days" type="number" min={1} max={3650} placeholder="not kept" value={keepDays} disabled={!canEdit} onChange={(e) => setKeepDays(e.target.value)} />
          <small className="hint">Empty: the original is deleted as soon as the redacted call is stored.</small>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Redacted speech in recordings">
          {(['silence', 'tone'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="audio-mode" checked={audioMode === m} disabled={!canEdit} onChange={() => setAudioMode(m)} /> {m === 'silence' ? 'Silence' : '1 kHz tone'}
            </label>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={maskDtmf} disabled={!canEdit} onChange={(e) => setMaskDtmf(e.target.checked)} /> Mask keypad (DTMF) tones
        </label>
      </fieldset>
      {canEdit && (
        <button
          type="button"
          className="primary"
          disabled={save.busy || !chosen}
          onClick={() =>
            void save.run(async () => {
              const s = await api.saveRedactionSettings(chosen, { policy: toPolicy(draft), keepOriginalDays: keepDays ? Number(keepDays) : null, audioMode, maskDtmf });
              setNotice(`Saved: version ${s.version}. New calls are redacted with it.`);
              reload();
            })
          }
        >
          Save policy
        </button>
      )}
    </section>
  );
}
