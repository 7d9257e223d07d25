import { Route, Routes } from 'react-router';
import { Layout } from './layout/Layout';
import { Guard, RequireSession, StartRedirect } from './nav/guard';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrgTreePage } from './pages/OrgTreePage';
import { OrgUnitPage } from './pages/OrgUnitPage';
import { PeoplePage } from './pages/PeoplePage';
import { IncidentListPage } from './pages/IncidentListPage';
import { IncidentPage } from './pages/IncidentPage';
import { MyReportsPage } from './pages/MyReportsPage';
import { AuditsPage, DashboardPage } from './pages/PlaceholderPages';
import { ReportIncidentPage } from './pages/ReportIncidentPage';
import { AssetPage } from './pages/AssetPage';
import { AssetsPage } from './pages/AssetsPage';
import { ClassificationWizardPage } from './pages/ClassificationWizardPage';
import { InformationSetPage } from './pages/InformationSetPage';
import { InformationSetsPage } from './pages/InformationSetsPage';
import { SignInPage } from './pages/SignInPage';
import { SessionListPage } from './sessions/SessionListPage';
import { SessionPage } from './sessions/SessionPage';

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
            <Guard nav="dashboard">
              <DashboardPage />
            </Guard>
          }
        />
        <Route
          path="rapportera-incident"
          element={
            <Guard nav="reportIncident">
              <ReportIncidentPage />
            </Guard>
          }
        />
        <Route
          path="mina-rapporter"
          element={
            <Guard nav="myReports">
              <MyReportsPage />
            </Guard>
          }
        />
        <Route
          path="incidenter"
          element={
            <Guard nav="incidents">
              <IncidentListPage />
            </Guard>
          }
        />
        <Route
          path="incidenter/:incidentId"
          element={
            <Guard nav="incidents">
              <IncidentPage />
            </Guard>
          }
        />
        <Route
          path="granskningar"
          element={
            <Guard nav="audits">
              <AuditsPage />
            </Guard>
          }
        />
        <Route
          path="organisation"
          element={
            <Guard nav="organisation">
              <OrgTreePage />
            </Guard>
          }
        />
        <Route
          path="organisation/:unitId"
          element={
            <Guard nav="organisation">
              <OrgUnitPage />
            </Guard>
          }
        />
        <Route
          path="personer"
          element={
            <Guard nav="people">
              <PeoplePage />
            </Guard>
          }
        />
        <Route
          path="informationsmangder"
          element={
            <Guard nav="informationSets">
              <InformationSetsPage />
            </Guard>
          }
        />
        <Route
          path="informationsmangder/:setId"
          element={
            <Guard nav="informationSets">
              <InformationSetPage />
            </Guard>
          }
        />
        <Route
          path="informationsmangder/:setId/klassning"
          element={
            <Guard nav="informationSets">
              <ClassificationWizardPage />
            </Guard>
          }
        />
        <Route
          path="tillgangar"
          element={
            <Guard nav="assets">
              <AssetsPage />
            </Guard>
          }
        />
        <Route
          path="tillgangar/:assetId"
          element={
            <Guard nav="assets">
              <AssetPage />
            </Guard>
          }
        />
        <Route
          path="klassningstillfallen"
          element={
            <Guard nav="classificationSessions">
              <SessionListPage />
            </Guard>
          }
        />
        {/* A session is read by its leader, participants and owners too (a link from elsewhere): the
            page is open to every account, and the server answers 404 outside the reader's reach. */}
        <Route
          path="klassningstillfallen/:sessionId"
          element={
            <Guard nav="informationSets">
              <SessionPage />
            </Guard>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
