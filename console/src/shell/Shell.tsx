import { useEffect } from 'react';
import { ApiKeysPage } from '../admin/ApiKeysPage.js';
import { BrandsPage } from '../admin/BrandsPage.js';
import { UsersPage } from '../admin/UsersPage.js';
import { AuditPage } from '../audit/AuditPage.js';
import { CallReviewPage } from '../calls/CallReviewPage.js';
import { CallsPage } from '../calls/CallsPage.js';
import { AlertsPage } from '../incidents/AlertsPage.js';
import { IncidentPage } from '../incidents/IncidentPage.js';
import { IncidentsPage } from '../incidents/IncidentsPage.js';
import { PaymentPage } from '../payments/PaymentPage.js';
import { PolicyPage } from '../policy/PolicyPage.js';
import { CampaignPage } from '../recertification/CampaignPage.js';
import { RecertificationPage } from '../recertification/RecertificationPage.js';
import { RetentionPage } from '../retention/RetentionPage.js';
import { CompliancePage } from '../compliance/CompliancePage.js';
import { TrainingPage } from '../training/TrainingPage.js';
import { VendorPage } from '../vendors/VendorPage.js';
import { VendorsPage } from '../vendors/VendorsPage.js';
import { QuestionnaireReviewPage } from '../questionnaires/QuestionnaireReviewPage.js';
import { QuestionnairesPage } from '../questionnaires/QuestionnairesPage.js';
import { SubjectRequestPage } from '../subject-requests/SubjectRequestPage.js';
import { SubjectRequestsPage } from '../subject-requests/SubjectRequestsPage.js';
import type { Me } from '../types.js';
import { AccountPage } from './AccountPage.js';
import { pagesFor, type PageId } from './pages.js';
import { useHashRoute } from './useHashRoute.js';

/** The signed-in frame: header, menu and the current page. */
export function Shell({
  me,
  onSignOut,
  onRefresh,
}: {
  me: Me;
  onSignOut: (everywhere?: boolean) => Promise<void>;
  onRefresh: () => void;
}) {
  const pages = pagesFor(me);
  const route = useHashRoute();
  // `calls/<id>` opens one call under the Calls page, `incidents/<id>` one incident.
  const [section, param] = route.split('/');
  const current = pages.find((p) => p.id === section) ?? pages[0];

  // After a page change, keyboard and screen-reader users start at the new page's content.
  useEffect(() => {
    if (route) document.getElementById('content')?.focus();
  }, [route]);

  return (
    <div className="shell">
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand-mark">callvault</span>
        <nav aria-label="Main">
          <ul>
            {pages.map((p) => (
              <li key={p.id}>
                <a href={`#/${p.id}`} aria-current={p.id === current?.id ? 'page' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span data-testid="signed-in-as">{me.user.email}</span>
          <button type="button" onClick={() => void onSignOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        <Page id={current?.id ?? 'account'} param={current?.id === section ? param : undefined} me={me} onSignOut={onSignOut} onRefresh={onRefresh} />
      </main>
    </div>
  );
}

function Page({
  id,
  param,
  me,
  onSignOut,
  onRefresh,
}: {
  id: PageId;
  param: string | undefined;
  me: Me;
  onSignOut: (everywhere?: boolean) => Promise<void>;
  onRefresh: () => void;
}) {
  switch (id) {
    case 'payments':
      return <PaymentPage me={me} />;
    case 'calls':
      return param ? <CallReviewPage callId={param} me={me} /> : <CallsPage />;
    case 'policy':
      return <PolicyPage canEdit={me.user.isSecurityAdmin} />;
    case 'brands':
      return <BrandsPage canManage={me.user.isSecurityAdmin} />;
    case 'users':
      return <UsersPage canManage={me.user.isSecurityAdmin} />;
    case 'api-keys':
      return <ApiKeysPage />;
    case 'audit':
      return <AuditPage canListUsers={me.user.isSecurityAdmin} />;
    case 'alerts':
      return <AlertsPage canManage={me.user.isSecurityAdmin} />;
    case 'incidents':
      return param ? <IncidentPage incidentId={param} canManage={me.user.isSecurityAdmin} meId={me.user.id} /> : <IncidentsPage canManage={me.user.isSecurityAdmin} />;
    case 'recertification':
      return param ? <CampaignPage campaignId={param} me={me} /> : <RecertificationPage canManage={me.user.isSecurityAdmin} />;
    case 'training':
      return <TrainingPage me={me} />;
    case 'retention':
      return <RetentionPage canManage={me.user.isSecurityAdmin} />;
    case 'subject-requests':
      return param ? <SubjectRequestPage requestId={param} canManage={me.user.isSecurityAdmin} /> : <SubjectRequestsPage canManage={me.user.isSecurityAdmin} />;
    case 'compliance':
      return <CompliancePage />;
    case 'vendors':
      return param ? <VendorPage vendorId={param} canManage={me.user.isSecurityAdmin} /> : <VendorsPage canManage={me.user.isSecurityAdmin} />;
    case 'questionnaires':
      return param ? <QuestionnaireReviewPage questionnaireId={param} canManage={me.user.isSecurityAdmin} /> : <QuestionnairesPage canManage={me.user.isSecurityAdmin} />;
    case 'account':
      return <AccountPage me={me} onSignOut={onSignOut} onRefresh={onRefresh} />;
  }
}
