import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client.js';
import { formatDate, useI18n } from '../i18n.js';
import { Async } from '../ui.js';

type Item = Schemas['WorkItemDto'];
const STATES = ['overdue', 'due', 'upcoming'] as const;

/** Due, overdue and upcoming items with their reasons; one click to the course. */
export function WorkList() {
  const { t, lang } = useI18n();
  const list = useQuery({ queryKey: ['work-list'], queryFn: () => ok(api.GET('/api/v1/work-list')) });
  const courses = useQuery({ queryKey: ['courses', 'active'], queryFn: () => ok(api.GET('/api/v1/courses', { params: { query: { status: ['active'], limit: 100 } } })) });
  const citizenOf = (courseId: string) => courses.data?.items.find((c) => c.id === courseId)?.citizen;
  return (
    <>
      <h1>{t.workList}</h1>
      <Async q={list}>
        {(data) => (
          <div className="columns">
            {STATES.map((state) => {
              const items = data.items.filter((i: Item) => i.state === state);
              return (
                <section key={state} aria-labelledby={`h-${state}`} className={`card state-${state}`}>
                  <h2 id={`h-${state}`}>
                    {t[state]} ({items.length})
                  </h2>
                  {items.length === 0 ? (
                    <p>{t.nothing}</p>
                  ) : (
                    <ul className="items">
                      {items.map((i) => {
                        const c = citizenOf(i.courseId);
                        return (
                          <li key={`${i.kind}-${i.ref}-${i.courseId}`}>
                            <Link to={`/courses/${i.courseId}`} className="course-link">
                              {c ? `${c.name} (${c.cprMasked})` : t.openCourse}
                            </Link>
                            <div>
                              <span className="tag">{t.kinds[i.kind] ?? i.kind}</span> {i.title}
                            </div>
                            <div className="muted">
                              {t.dueOn}: {formatDate(i.dueOn, lang)}
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </Async>
    </>
  );
}
