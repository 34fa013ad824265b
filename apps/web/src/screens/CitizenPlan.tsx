import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { Async } from '../ui.js';

/** The citizen's own plan in plain Danish (the API writes it), large type, one page for the fridge. */
export function CitizenPlan() {
  const { courseId = '' } = useParams();
  const { t } = useI18n();
  const view = useQuery({ queryKey: ['citizen-view', courseId], queryFn: async () => {
      const v = await ok(api.GET('/api/v1/courses/{courseId}/plan/citizen-view', { params: { path: { courseId } } }));
      // The route answers HTML only when asked (format=html); asked for JSON it sends JSON.
      if (typeof v === 'string') throw new Error('citizen view: HTML where JSON was asked for');
      return v;
    },
  });
  return (
    <Async q={view}>
      {(v) => (
        <article className="citizen-plan" lang="da">
          <p className="no-print">
            <Link to={`/courses/${courseId}`}>← {t.back}</Link>{' '}
            <button type="button" className="primary" onClick={() => window.print()}>
              {t.print}
            </button>
          </p>
          <h1>{v.title}</h1>
          <p className="muted">{v.versionText}</p>
          <section>
            <h2>{v.myWords.heading}</h2>
            {v.myWords.sections.map((s) => (
              <div key={s.label}>
                <h3>{s.label}</h3>
                <p>{s.text}</p>
              </div>
            ))}
          </section>
          <section>
            <h2>{v.goal.label}</h2>
            <p className="goal">{v.goal.text}</p>
            <p>{v.goal.agreement}</p>
          </section>
          <section>
            <h2>{v.subGoals.label}</h2>
            <ul>
              {v.subGoals.items.map((g) => (
                <li key={g.title}>
                  {g.title} {g.when && <span>({g.when})</span>}
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>{v.agreements.label}</h2>
            <ul>
              {v.agreements.items.map((a, i) => (
                <li key={i}>
                  <strong>{a.who}:</strong> {a.text} {a.when && <span>({a.when})</span>}
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>{v.whoDoesWhat.label}</h2>
            <table>
              <tbody>
                {v.whoDoesWhat.rows.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{r.who}</th>
                    <td>{r.what}</td>
                    <td>{r.when}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p>{v.closing}</p>
        </article>
      )}
    </Async>
  );
}
