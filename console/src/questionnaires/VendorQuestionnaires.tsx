import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useLoad } from '../ui/useLoad.js';
import { QuestionnaireTable } from './QuestionnairesPage.js';
import { SendQuestionnaire } from './SendQuestionnaire.js';

/** A vendor's questionnaires on its page, with the Send form for admins while the vendor is active. */
export function VendorQuestionnaires({ vendorId, canSend }: { vendorId: string; canSend: boolean }) {
  const { data, error, loading, reload } = useLoad(() => api.questionnaires({ vendorId }), [vendorId]);
  return (
    <section aria-labelledby="vendor-questionnaires-title">
      <h2 id="vendor-questionnaires-title">Questionnaires</h2>
      <ErrorNotice error={error} />
      {data && data.items.length === 0 ? <p>No questionnaire sent yet.</p> : <QuestionnaireTable items={data?.items ?? []} busy={loading} showVendor={false} />}
      {canSend && <SendQuestionnaire vendorId={vendorId} onSent={reload} />}
    </section>
  );
}
