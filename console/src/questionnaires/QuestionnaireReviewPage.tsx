import { useState } from 'react';
import { visibleQuestions } from '../../../src/questionnaires/engine/index.js';
import { findDefinition } from '../../../src/questionnaires/definitions/index.js';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import type { NewLink, QuestionnaireView } from './adminTypes.js';
import { answerText } from './answerText.js';
import { LinkOnce } from './LinkOnce.js';
import { SEVERITY_ORDER, STATUS_LABEL } from './status.js';

/** One questionnaire: the answers as given, the findings and risk score; admins decide on submitted answers. */
export function QuestionnaireReviewPage({ questionnaireId, canManage }: { questionnaireId: string; canManage: boolean }) {
  const { data: q, error, reload } = useLoad(() => api.questionnaire(questionnaireId), [questionnaireId]);
  return (
    <section aria-labelledby="questionnaire-title">
      <p>
        <a href="#/questionnaires">← Questionnaires</a>
      </p>
      <ErrorNotice error={error} />
      {q && (
        <>
          <h1 id="questionnaire-title">
            {q.definition.title}: {q.vendorName}
          </h1>
          <p>
            <span className="badge" data-testid="questionnaire-status">
              {STATUS_LABEL[q.status]}
            </span>{' '}
            round {q.round} · sent {formatTime(q.createdAt)} · submitted {formatTime(q.submittedAt)}
            {q.reviewedAt && ` · reviewed ${formatTime(q.reviewedAt)}`} · <a href={`#/vendors/${q.vendorId}`}>vendor</a>
          </p>
          {q.reviewComment && <p>Reviewer's comment: {q.reviewComment}</p>}
          <Risk q={q} />
          {canManage && <Decision q={q} onChange={reload} />}
          <Answers q={q} />
        </>
      )}
    </section>
  );
}

function Risk({ q }: { q: QuestionnaireView }) {
  if (q.status === 'sent') return <p>No answers submitted yet{q.link && ` (link ${q.link.state}, until ${formatTime(q.link.expiresAt)})`}.</p>;
  const findings = [...q.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <>
      <h2>Risk</h2>
      <p>
        Risk score <strong data-testid="questionnaire-risk-score">{q.riskScore ?? '—'}</strong> of 100
        {q.riskLevel && (
          <>
            {' '}
            · <span className={`badge badge-${q.riskLevel}`}>{q.riskLevel}</span>
          </>
        )}
      </p>
      <h2>Findings</h2>
      {findings.length === 0 && <p>No findings.</p>}
      <ul>
        {findings.map((f) => (
          <li key={`${f.ruleId}-${f.questionId}`} data-testid="questionnaire-finding">
            <span className={`badge badge-${f.severity}`}>{f.severity}</span> <strong>{f.title}</strong> · {f.controls.join(', ')}
            {f.recommendation && <p className="hint">{f.recommendation}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Questions in the order of the definition the questionnaire was sent with; hidden follow-ups are left out. */
function Answers({ q }: { q: QuestionnaireView }) {
  const def = findDefinition(q.definition.id, q.definition.version);
  const answers = q.answers ?? {};
  if (!def) return <p>This console does not know the definition {q.definition.id} version {q.definition.version}.</p>;
  if (Object.keys(answers).length === 0) return null;
  // Conditions that look at dates are judged as of the submission, as the server's findings were.
  const shown = visibleQuestions(def, answers, new Date(q.submittedAt ?? q.updatedAt));
  return (
    <>
      <h2>Answers{q.status === 'sent' && ' (draft)'}</h2>
      {def.sections.map((s) => {
        const questions = s.questions.filter((x) => shown.has(x.id));
        if (questions.length === 0) return null;
        return (
          <section key={s.id} aria-label={s.title}>
            <h3>{s.title}</h3>
            <dl>
              {questions.map((x) => (
                <div key={x.id} data-testid="questionnaire-answer" data-question={x.id}>
                  <dt>{x.text}</dt>
                  <dd>{answerText(x, answers[x.id])}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

function Decision({ q, onChange }: { q: QuestionnaireView; onChange: () => void }) {
  const [comment, setComment] = useState('');
  const [link, setLink] = useState<NewLink | null>(null);
  const [nextReview, setNextReview] = useState<string | null>(null);
  const action = useAction();
  const text = comment.trim();
  if (link) return <LinkOnce link={link} onDone={() => setLink(null)} />;
  if (nextReview) return <p data-testid="questionnaire-accepted">Accepted. The vendor's next review is due {formatTime(nextReview)}.</p>;
  if (q.status === 'sent')
    return (
      <>
        <ErrorNotice error={action.error} />
        <button type="button" disabled={action.busy} onClick={() => void action.run(async () => { setLink((await api.renewQuestionnaireLink(q.id)).link); onChange(); })}>
          New link (the current one stops working)
        </button>
      </>
    );
  if (q.status !== 'submitted') return null;
  return (
    <form className="panel" aria-label="Review decision" onSubmit={(e) => e.preventDefault()}>
      <h2>Decision</h2>
      <ErrorNotice error={action.error} />
      <div className="field">
        <label htmlFor="questionnaire-comment">Comment (shown to the vendor when asking again)</label>
        <textarea id="questionnaire-comment" maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="row">
        <button type="button" className="primary" disabled={action.busy} onClick={() => void action.run(async () => { setNextReview((await api.acceptQuestionnaire(q.id, text || undefined)).nextReviewAt); onChange(); })}>
          Accept
        </button>
        <button type="button" disabled={action.busy || text === ''} title={text === '' ? 'Write what the vendor should change first' : undefined} onClick={() => void action.run(async () => { setLink((await api.askQuestionnaireAgain(q.id, text)).link); setComment(''); onChange(); })}>
          Ask again
        </button>
        <button type="button" className="danger" disabled={action.busy} onClick={() => void action.run(async () => { await api.rejectQuestionnaire(q.id, text || undefined); onChange(); })}>
          Reject
        </button>
      </div>
    </form>
  );
}
