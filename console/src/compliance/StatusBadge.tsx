import type { EvidenceStatus } from './types.js';

const LABEL: Record<EvidenceStatus, string> = { met: 'Met', partial: 'Partial', gap: 'Gap', not_applicable: 'N/A', not_available: 'Not available' };
const COLOR: Record<EvidenceStatus, { background: string; color: string }> = {
  met: { background: '#dafbe1', color: '#116329' },
  partial: { background: '#fff8c5', color: '#7d4e00' },
  gap: { background: '#ffebe9', color: '#8a1c1c' },
  not_applicable: { background: '#eef1f5', color: '#57606a' },
  not_available: { background: '#ffebe9', color: '#8a1c1c' },
};

/** A control's or evidence's status, in words as well as colour. */
export function StatusBadge({ status }: { status: EvidenceStatus }) {
  return (
    <span className="badge" data-status={status} style={COLOR[status]}>
      {LABEL[status]}
    </span>
  );
}
