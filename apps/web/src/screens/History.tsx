import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.js';
import { formatDateTime, useI18n } from '../i18n.js';
import { Async } from '../ui.js';

/** Published versions, newest first; each opens what changed from the one before, in words. */
export function History() {
  const { courseId = '' } = useParams();
  const { t, lang } = useI18n();
  const versions = useQuery({ queryKey: ['versions', courseId], queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/plan/versions', { params: { path: { courseId }, query: { limit: 100 } } })) });
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <p>
        <Link to={`/courses/${courseId}`}>← {t.back}</Link>
      </p>
      <h1>{t.history}</h1>
      <Async q={versions}>
        {(page) => (
          <ol className="versions" reversed>
            {page.items.map((v) => (
              <li key={v.id} className="card">
                <h2>
                  {t.version} {v.version}
                </h2>
                <p>
                  {formatDateTime(v.publishedAt, lang)} · {t.publishedBy} {v.authorName ?? '–'}
                </p>
                <p className="summary">{v.changeSummary}</p>
                {v.version > 1 && (
                  <button type="button" aria-expanded={open === v.version} onClick={() => setOpen(open === v.version ? null : v.version)}>
                    {t.showChanges}
                  </button>
                )}
                {open === v.version && <Diff courseId={courseId} to={v.version} />}
              </li>
            ))}
          </ol>
        )}
      </Async>
    </>
  );
}

function Diff({ courseId, to }: { courseId: string; to: number }) {
  const { t } = useI18n();
  const diff = useQuery({ queryKey: ['diff', courseId, to], queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/plan/diff', { params: { path: { courseId }, query: { from: to - 1, to } } })) });
  return (
    <Async q={diff}>
      {(d) =>
        d.identical ? (
          <p>{t.identical}</p>
        ) : (
          <div className="diff" data-testid="diff">
            <h3>
              {t.diffFrom} {d.from} → {d.to}
            </h3>
            <Fields title={t.stepWords} changes={d.citizenWords} />
            <Fields title={t.overallGoal} changes={d.overallGoal} />
            <Items title={t.goals} diff={d.goals} name={(x) => (x as { title: string }).title} />
            <Items title={t.actions} diff={d.actions} name={(x) => (x as { title: string }).title} />
            <Items title={t.agreements} diff={d.agreements} name={(x) => (x as { text: string }).text} />
          </div>
        )
      }
    </Async>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function Fields({ title, changes }: { title: string; changes: Schemas['FieldChangeDto'][] }) {
  const { t } = useI18n();
  if (!changes.length) return null;
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.field}</th>
          <th scope="col">{t.before}</th>
          <th scope="col">{t.after}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td>
              <del>{show(c.before)}</del>
            </td>
            <td>
              <ins>{show(c.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Items({ title, diff, name }: { title: string; diff: { added: unknown[]; removed: unknown[]; changed: Schemas['ItemChangeDto'][] }; name: (x: unknown) => string }) {
  const { t } = useI18n();
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return null;
  return (
    <section>
      <h4>{title}</h4>
      <ul>
        {diff.added.map((x, i) => (
          <li key={`a${i}`}>
            <strong>{t.added}:</strong> <ins>{name(x)}</ins>
          </li>
        ))}
        {diff.removed.map((x, i) => (
          <li key={`r${i}`}>
            <strong>{t.removed}:</strong> <del>{name(x)}</del>
          </li>
        ))}
        {diff.changed.map((x) => (
          <li key={x.id}>
            <strong>{t.changed}:</strong>{' '}
            {x.changes.map((c) => (
              <span key={c.field}>
                {c.field}: <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>{' '}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
