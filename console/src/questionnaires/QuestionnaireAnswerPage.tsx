import { useEffect, useMemo, useState } from 'react';
import { pruneHidden, visibleQuestions, type AnswerValue, type Question } from '../../../src/questionnaires/engine/index.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { answerApi, type LinkQuestionnaire } from './answerClient.js';

type Answers = Record<string, AnswerValue>;

/**
 * The page a vendor contact reaches by the link, with no account: questions appear and disappear as
 * earlier answers change (the same engine as the server), drafts are saved, and the submission is
 * confirmed. An expired or used link shows the server's reason.
 */
export function QuestionnaireAnswerPage({ token }: { token: string }) {
  const [q, setQ] = useState<LinkQuestionnaire | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const action = useAction();

  useEffect(() => {
    answerApi.open(token).then(
      (r) => {
        setQ(r);
        setAnswers(r.answers);
        setSaved(r.draftSavedAt);
      },
      setLoadError,
    );
  }, [token]);

  const now = useMemo(() => new Date(), []);
  if (loadError) return <main className="auth"><h1>Security questionnaire</h1><ErrorNotice error={loadError} /></main>;
  if (!q) return <p className="loading" role="status">Loading…</p>;
  if (done) return <main className="auth"><h1>Thank you</h1><p data-testid="questionnaire-submitted">Your answers were submitted. You can close this page.</p></main>;

  const visible = visibleQuestions(q.definition, answers, now);
  const set = (id: string, v: AnswerValue | undefined) => {
    const next = { ...answers };
    if (v === undefined) delete next[id];
    else next[id] = v;
    setAnswers(pruneHidden(q.definition, next, now));
  };

  return (
    <main className="questionnaire">
      <h1>{q.definition.title}</h1>
      <p>For {q.vendorName}. This link works until {new Date(q.expiresAt).toLocaleString()}.</p>
      {q.reviewComment && <div className="notice" role="note"><p>The reviewer asked: {q.reviewComment}</p></div>}
      {q.definition.sections.map((s) => (
        <section key={s.id}>
          <h2>{s.title}</h2>
          {s.questions.filter((x) => visible.has(x.id)).map((x) => <Field key={x.id} q={x} value={answers[x.id]} onChange={(v) => set(x.id, v)} />)}
        </section>
      ))}
      <ErrorNotice error={action.error} />
      <p>
        <button type="button" disabled={action.busy} onClick={() => void action.run(async () => setSaved((await answerApi.saveDraft(token, answers)).draftSavedAt))}>Save draft</button>{' '}
        <button type="button" disabled={action.busy} onClick={() => void action.run(async () => { await answerApi.submit(token, answers); setDone(true); })}>Submit answers</button>
        {saved && <span role="status"> Draft saved {new Date(saved).toLocaleTimeString()}.</span>}
      </p>
    </main>
  );
}

function Field({ q, value, onChange }: { q: Question; value: AnswerValue | undefined; onChange: (v: AnswerValue | undefined) => void }) {
  const label = `${q.text}${q.required ? '' : ' (optional)'}`;
  switch (q.type) {
    case 'yes_no':
      return (
        <fieldset data-question={q.id}><legend>{label}</legend>
          <label><input type="radio" name={q.id} checked={value === true} onChange={() => onChange(true)} /> Yes</label>{' '}
          <label><input type="radio" name={q.id} checked={value === false} onChange={() => onChange(false)} /> No</label>
        </fieldset>
      );
    case 'single_choice':
      return (
        <fieldset data-question={q.id}><legend>{label}</legend>
          {q.options?.map((o) => <label key={o.value} className="option"><input type="radio" name={q.id} checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}</label>)}
        </fieldset>
      );
    case 'multiple_choice': {
      const list = Array.isArray(value) ? value : [];
      return (
        <fieldset data-question={q.id}><legend>{label}</legend>
          {q.options?.map((o) => (
            <label key={o.value} className="option">
              <input type="checkbox" checked={list.includes(o.value)} onChange={(e) => { const next = e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value); onChange(next.length ? next : undefined); }} /> {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'number':
      return <label data-question={q.id} className="field">{label}{q.unit && ` (${q.unit})`}<input type="number" value={typeof value === 'number' ? value : ''} min={q.min} max={q.max} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} /></label>;
    case 'date':
      return <label data-question={q.id} className="field">{label}<input type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} /></label>;
    case 'text':
      return <label data-question={q.id} className="field">{label}<textarea maxLength={q.maxLength} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} /></label>;
  }
}
