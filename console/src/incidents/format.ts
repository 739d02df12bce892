/** "2 d 03 h 20 m" or "overdue by 1 h 05 m". */
export function formatRemaining(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const text = `${d > 0 ? `${d} d ` : ''}${String(h).padStart(2, '0')} h ${String(m).padStart(2, '0')} m ${String(s).padStart(2, '0')} s`;
  return ms < 0 ? `overdue by ${text}` : `${text} left`;
}

export const PLAYBOOK_LABEL: Record<string, string> = {
  account_compromise: 'Account compromise',
  data_exfiltration: 'Data exfiltration',
  lost_device: 'Lost or stolen device',
  vendor_breach: 'Vendor or integration breach',
  payment_data_exposure: 'Payment data exposure',
};

export const STATUS_LABEL: Record<string, string> = {
  open: 'Open',
  triage: 'Triage',
  contained: 'Contained',
  eradicated: 'Eradicated',
  recovered: 'Recovered',
  closed: 'Closed',
};

export const actorLabel = (a: { kind: string; id: string } | null) => (a ? `${a.kind === 'api_key' ? 'API key' : a.kind} ${a.id}` : '—');
