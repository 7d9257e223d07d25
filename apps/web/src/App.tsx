import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/ErrorState';
import { useI18n } from './i18n/i18n';
import { Layout } from './layout/Layout';
import { Guard, RequireSession, StartRedirect } from './nav/guard';
import type { NavId } from './nav/navigation';
import { NotFoundPage } from './pages/NotFoundPage';
import { AuditsPage, DashboardPage } from './pages/PlaceholderPages';
import { SignInPage } from './pages/SignInPage';

/*
 * Code splitting: each signed-in page is its own chunk, fetched when its route is first opened
 * (after the Guard has allowed it, so an unauthorised deep link loads nothing of the page). The
 * sign-in page, the placeholders and 404 stay in the entry chunk.
 */
const OrgTreePage = lazy(() => import('./pages/OrgTreePage').then((m) => ({ default: m.OrgTreePage })));
const OrgUnitPage = lazy(() => import('./pages/OrgUnitPage').then((m) => ({ default: m.OrgUnitPage })));
const PeoplePage = lazy(() => import('./pages/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const IncidentListPage = lazy(() =>
  import('./pages/IncidentListPage').then((m) => ({ default: m.IncidentListPage })),
);
const IncidentPage = lazy(() => import('./pages/IncidentPage').then((m) => ({ default: m.IncidentPage })));
const MyReportsPage = lazy(() => import('./pages/MyReportsPage').then((m) => ({ default: m.MyReportsPage })));
const ReportIncidentPage = lazy(() =>
  import('./pages/ReportIncidentPage').then((m) => ({ default: m.ReportIncidentPage })),
);
const AssetPage = lazy(() => import('./pages/AssetPage').then((m) => ({ default: m.AssetPage })));
const AssetsPage = lazy(() => import('./pages/AssetsPage').then((m) => ({ default: m.AssetsPage })));
const ClassificationWizardPage = lazy(() =>
  import('./pages/ClassificationWizardPage').then((m) => ({ default: m.ClassificationWizardPage })),
);
const ClassificationWorkPage = lazy(() =>
  import('./pages/ClassificationWorkPage').then((m) => ({ default: m.ClassificationWorkPage })),
);
const InformationSetPage = lazy(() =>
  import('./pages/InformationSetPage').then((m) => ({ default: m.InformationSetPage })),
);
const IncidentStatisticsPage = lazy(() =>
  import('./pages/IncidentStatisticsPage').then((m) => ({ default: m.IncidentStatisticsPage })),
);
const ClockRulesPage = lazy(() =>
  import('./pages/ClockRulesPage').then((m) => ({ default: m.ClockRulesPage })),
);
const NotificationsPage = lazy(() =>
  import('./notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const SessionListPage = lazy(() =>
  import('./sessions/SessionListPage').then((m) => ({ default: m.SessionListPage })),
);
const SessionPage = lazy(() => import('./sessions/SessionPage').then((m) => ({ default: m.SessionPage })));
const InformationSetsPage = lazy(() =>
  import('./pages/InformationSetsPage').then((m) => ({ default: m.InformationSetsPage })),
);

/** While a page's chunk loads: one status line in Swedish (or English), inside the layout. */
function PageLoading() {
  const { t } = useI18n();
  return (
    <section className="page">
      <Loading label={t('status.loadingPage')} />
    </section>
  );
}

/** A guarded page: the navigation item must allow it, then its chunk is loaded. */
function Page({ nav, children }: { nav: NavId; children: ReactNode }) {
  return (
    <Guard nav={nav}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </Guard>
  );
}

/** The routes. Each signed-in page names the navigation item that must allow it (nav/navigation.ts). */
export function App() {
  return (
    <Routes>
      <Route path="/logga-in" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<StartRedirect />} />
        <Route
          path="oversikt"
          element={
            <Page nav="dashboard">
              <DashboardPage />
            </Page>
          }
        />
        <Route
          path="rapportera-incident"
          element={
            <Page nav="reportIncident">
              <ReportIncidentPage />
            </Page>
          }
        />
        <Route
          path="mina-rapporter"
          element={
            <Page nav="myReports">
              <MyReportsPage />
            </Page>
          }
        />
        <Route
          path="incidenter"
          element={
            <Page nav="incidents">
              <IncidentListPage />
            </Page>
          }
        />
        <Route
          path="incidenter/:incidentId"
          element={
            <Page nav="incidents">
              <IncidentPage />
            </Page>
          }
        />
        <Route
          path="incidentstatistik"
          element={
            <Page nav="incidentStatistics">
              <IncidentStatisticsPage />
            </Page>
          }
        />
        <Route
          path="granskningar"
          element={
            <Page nav="audits">
              <AuditsPage />
            </Page>
          }
        />
        <Route
          path="organisation"
          element={
            <Page nav="organisation">
              <OrgTreePage />
            </Page>
          }
        />
        <Route
          path="organisation/:unitId"
          element={
            <Page nav="organisation">
              <OrgUnitPage />
            </Page>
          }
        />
        <Route
          path="personer"
          element={
            <Page nav="people">
              <PeoplePage />
            </Page>
          }
        />
        <Route
          path="informationsmangder"
          element={
            <Page nav="informationSets">
              <InformationSetsPage />
            </Page>
          }
        />
        <Route
          path="informationsmangder/:setId"
          element={
            <Page nav="informationSets">
              <InformationSetPage />
            </Page>
          }
        />
        <Route
          path="informationsmangder/:setId/klassning"
          element={
            <Page nav="informationSets">
              <ClassificationWizardPage />
            </Page>
          }
        />
        <Route
          path="tillgangar"
          element={
            <Page nav="assets">
              <AssetsPage />
            </Page>
          }
        />
        <Route
          path="tillgangar/:assetId"
          element={
            <Page nav="assets">
              <AssetPage />
            </Page>
          }
        />
        <Route
          path="att-gora-i-klassningen"
          element={
            <Page nav="classificationWork">
              <ClassificationWorkPage />
            </Page>
          }
        />
        <Route
          path="regler/rapporteringsfrister"
          element={
            <Page nav="clockRules">
              <ClockRulesPage />
            </Page>
          }
        />
        <Route
          path="klassningstillfallen"
          element={
            <Page nav="classificationSessions">
              <SessionListPage />
            </Page>
          }
        />
        {/* A session is read by its leader, participants and owners too (a link from elsewhere): the
            page is open to every account, and the server answers 404 outside the reader's reach. */}
        <Route
          path="klassningstillfallen/:sessionId"
          element={
            <Page nav="informationSets">
              <SessionPage />
            </Page>
          }
        />
        <Route
          path="aviseringar"
          element={
            <Page nav="notifications">
              <NotificationsPage />
            </Page>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
