import { Link, Route, Routes, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { session } from './api/client.js';
import { useI18n, type Lang } from './i18n.js';
import { useDeployment, useMe } from './queries.js';
import { SignIn } from './screens/SignIn.js';
import { WorkList } from './screens/WorkList.js';
import { CourseOverview } from './screens/CourseOverview.js';
import { PlanEditor } from './screens/PlanEditor.js';
import { History } from './screens/History.js';
import { MeetingScreen } from './screens/Meeting.js';
import { CitizenPlan } from './screens/CitizenPlan.js';
import { Board } from './screens/Board.js';

export function App() {
  if (!session.token()) return <SignIn />;
  return <Shell />;
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const deployment = useDeployment();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const isManager = me.data?.roles.includes('manager');
  return (
    <>
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <header className="top">
        <span className="brand">{t.appName}</span>
        {deployment.data && <span className="muni">{deployment.data.municipality.name}</span>}
        <nav aria-label={t.nav}>
          <ul>
            <li>
              <Link to="/">{t.workList}</Link>
            </li>
            {isManager && (
              <li>
                <Link to="/board">{t.board}</Link>
              </li>
            )}
          </ul>
        </nav>
        <label className="lang">
          {t.language}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="da">Dansk</option>
            <option value="en">English</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            session.clear();
            qc.clear();
            navigate('/');
            window.location.reload();
          }}
        >
          {t.signOut}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={isManager ? <Board /> : <WorkList />} />
          <Route path="/work-list" element={<WorkList />} />
          <Route path="/board" element={<Board />} />
          <Route path="/courses/:courseId" element={<CourseOverview />} />
          <Route path="/courses/:courseId/plan/edit" element={<PlanEditor />} />
          <Route path="/courses/:courseId/plan/history" element={<History />} />
          <Route path="/courses/:courseId/meetings/:meetingId" element={<MeetingScreen />} />
          <Route path="/courses/:courseId/citizen-plan" element={<CitizenPlan />} />
        </Routes>
      </main>
    </>
  );
}
