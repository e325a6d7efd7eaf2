import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { PageLoading } from './layout/page-loading';
import { RequireSession } from './session/require-session';

// Each page is its own chunk: the first screen loads the shell and one page only.
const LoginPage = lazy(() => import('./pages/login/login-page'));
const SsoPage = lazy(() => import('./pages/login/sso-page'));
const WorkbenchPage = lazy(() => import('./pages/workbench/workbench-page'));
const StartPage = lazy(() => import('./pages/start/start-page'));
const StartFormPage = lazy(() => import('./pages/start/start-form-page'));
const DraftsPage = lazy(() => import('./pages/drafts/drafts-page'));
const InstancePage = lazy(() => import('./pages/instance/instance-page'));
const CalendarPage = lazy(() => import('./pages/admin/calendar-page'));
const QuotasPage = lazy(() => import('./pages/admin/quotas-page'));
const PeoplePage = lazy(() => import('./pages/admin/people-page'));
const FlowsPage = lazy(() => import('./pages/admin/flows-page'));
const StatisticsPage = lazy(() => import('./pages/admin/statistics-page'));
const NotFoundPage = lazy(() => import('./pages/misc/not-found-page'));

const page = (Page: React.ComponentType) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);

/** The console's routes: sign-in outside, everything else behind the session guard. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={page(LoginPage)} />
      <Route path="/sso" element={page(SsoPage)} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={page(WorkbenchPage)} />
          <Route path="start" element={page(StartPage)} />
          <Route path="start/:flowId" element={page(StartFormPage)} />
          <Route path="drafts" element={page(DraftsPage)} />
          <Route path="instances/:id" element={page(InstancePage)} />
          <Route path="admin/calendar" element={page(CalendarPage)} />
          <Route path="admin/quotas" element={page(QuotasPage)} />
          <Route path="admin/people" element={page(PeoplePage)} />
          <Route path="admin/flows" element={page(FlowsPage)} />
          <Route path="statistics" element={page(StatisticsPage)} />
          <Route path="*" element={page(NotFoundPage)} />
        </Route>
      </Route>
    </Routes>
  );
}
