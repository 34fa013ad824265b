import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { formatDate, useI18n } from '../i18n.js';
import { useDeployment, useMe } from '../queries.js';
import { Async } from '../ui.js';

/** The manager's board over the team's open courses (no names: the board carries ids, dates and counts). */
export function Board() {
  const { t, lang, label } = useI18n();
  const me = useMe();
  const deployment = useDeployment();
  const staff = useQuery({ queryKey: ['staff', me.data?.userId], enabled: !!me.data, queryFn: () => ok(api.GET('/api/v1/staff/{id}', { params: { path: { id: me.data!.userId } } })) });
  const unitId = staff.data?.unitId;
  const board = useQuery({ queryKey: ['board', unitId], enabled: !!unitId, queryFn: () => ok(api.GET('/api/v1/org-units/{unitId}/board', { params: { path: { unitId: unitId! } } })) });
  const typeLabel = (id: string) => label(deployment.data?.meetingTypes.find((m) => m.id === id)?.label, id);
  const modelLabel = (id: string) => deployment.data?.models.find((m) => m.id === id)?.displayName ?? id;
  return (
    <>
      <h1>{t.boardTitle}</h1>
      <Async q={board}>
        {(b) => (
          <table className="board">
            <thead>
              <tr>
                <th scope="col">{t.openCourse}</th>
                <th scope="col">{t.model}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.nextDue}</th>
                <th scope="col">{t.nextMeeting}</th>
                <th scope="col">{t.overdueItems}</th>
                <th scope="col">{t.lastRevision}</th>
              </tr>
            </thead>
            <tbody>
              {b.courses.map((c, i) => (
                <tr key={c.courseId}>
                  <th scope="row">
                    <Link to={`/courses/${c.courseId}`}>
                      {t.openCourse} {i + 1}
                    </Link>
                  </th>
                  <td>{modelLabel(c.modelId)}</td>
                  <td>{t.statuses[c.status] ?? c.status}</td>
                  <td>{c.nextDueMeeting ? `${typeLabel(c.nextDueMeeting.meetingType)}, ${formatDate(c.nextDueMeeting.dueOn, lang)}` : '–'}</td>
                  <td>{c.nextMeeting ? `${typeLabel(c.nextMeeting.type)}, ${formatDate(c.nextMeeting.startsAt, lang)}` : '–'}</td>
                  <td className={c.overdueItems ? 'overdue' : ''}>{c.overdueItems}</td>
                  <td>{c.lastPlanRevision ? `${c.lastPlanRevision.version} (${formatDate(c.lastPlanRevision.publishedAt, lang)})` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </>
  );
}
